import { type FieldReader } from './field-reader';
import { readContractCore } from './incoming-contract';
import { type ClientMsgName } from './incoming-ids';
import { type RealtimeRequest } from './messages-realtime';

/**
 * Decoders of the tick-by-tick, historical tick and real-time bar requests. At every server version the simulator speaks
 * (157+) their layouts are fixed: TICK_BY_TICK_IGNORE_SIZE (138) and LINKING (70) are always open.
 */

type RealtimeDecoder = (r: FieldReader) => RealtimeRequest;

export const realtimeDecoders: Partial<Record<ClientMsgName, RealtimeDecoder>> = {
  // No version field: [97, reqId, contract core, tickType, numberOfTicks, ignoreSize].
  REQ_TICK_BY_TICK_DATA: (r) => ({
    type: 'reqTickByTickData',
    reqId: r.readRequestId(),
    contract: readContractCore(r),
    tickType: r.readString('tickType'),
    numberOfTicks: r.readInt('numberOfTicks'),
    ignoreSize: r.readBool('ignoreSize'),
  }),
  CANCEL_TICK_BY_TICK_DATA: (r) => ({ type: 'cancelTickByTickData', reqId: r.readRequestId() }),
  // [50, version 3, reqId, contract core, barSize, whatToShow, useRTH, realTimeBarsOptions].
  REQ_REAL_TIME_BARS: (r) => {
    r.readInt('version');
    const reqId = r.readRequestId();
    const contract = readContractCore(r);
    const barSize = r.readInt('barSize');
    const whatToShow = r.readString('whatToShow');
    const useRTH = r.readBool('useRTH');
    r.readString('realTimeBarsOptions'); // one 'tag=value;' string, reserved
    return { type: 'reqRealTimeBars', reqId, contract, barSize, whatToShow, useRTH };
  },
  // No version field: [96, reqId, contract core, includeExpired, start, end, count, whatToShow, useRth, ignoreSize, options].
  REQ_HISTORICAL_TICKS: (r) => {
    const reqId = r.readRequestId();
    const contract = readContractCore(r);
    contract.includeExpired = r.readBool('contract.includeExpired');
    const request = {
      type: 'reqHistoricalTicks' as const,
      reqId,
      contract,
      startDateTime: r.readString('startDateTime'),
      endDateTime: r.readString('endDateTime'),
      numberOfTicks: r.readInt('numberOfTicks'),
      whatToShow: r.readString('whatToShow'),
      useRth: r.readBool('useRth'),
      ignoreSize: r.readBool('ignoreSize'),
    };
    r.readString('miscOptions'); // one 'tag=value;' string, reserved
    return request;
  },
  CANCEL_REAL_TIME_BARS: (r) => {
    r.readInt('version');
    return { type: 'cancelRealTimeBars', reqId: r.readRequestId() };
  },
};

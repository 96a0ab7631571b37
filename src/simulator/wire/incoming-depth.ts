import { type FieldReader } from './field-reader';
import { readContractCore } from './incoming-contract';
import { type ClientMsgName } from './incoming-ids';
import { type DepthRequest } from './messages-depth';

/**
 * Decoders of the market depth requests. SMART_DEPTH (146), MKT_DEPTH_PRIM_EXCHANGE (149) and LINKING (70) are
 * below 157, so the layouts are fixed across the versions the simulator speaks.
 */

type DepthDecoder = (r: FieldReader) => DepthRequest;

export const depthDecoders: Partial<Record<ClientMsgName, DepthDecoder>> = {
  // [10, version 5, reqId, contract core, numRows, isSmartDepth, mktDepthOptions].
  REQ_MKT_DEPTH: (r) => {
    r.readInt('version');
    const reqId = r.readRequestId();
    const contract = readContractCore(r);
    const numRows = r.readInt('numRows');
    const isSmartDepth = r.readBool('isSmartDepth');
    r.readString('mktDepthOptions'); // one 'tag=value;' string, reserved
    return { type: 'reqMktDepth', reqId, contract, numRows, isSmartDepth };
  },
  // [11, version 1, reqId, isSmartDepth].
  CANCEL_MKT_DEPTH: (r) => {
    r.readInt('version');
    return { type: 'cancelMktDepth', reqId: r.readRequestId(), isSmartDepth: r.readBool('isSmartDepth') };
  },
};

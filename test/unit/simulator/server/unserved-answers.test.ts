import { describe, expect, it } from 'vitest';
import { unservedAnswer } from '../../../../src/simulator/server/unserved-answers';
import { decodeRequest } from '../../../../src/simulator/wire/incoming';
import { ClientMsgId } from '../../../../src/simulator/wire/incoming-ids';

/** Requests the gateway itself answers with nothing: the log level, and cancels of requests it refused. */
const SILENT_BY_DESIGN = [
  'SET_SERVER_LOGLEVEL',
  'CANCEL_WSH_META_DATA',
  'CANCEL_WSH_EVENT_DATA',
  'CANCEL_HISTOGRAM_DATA',
];

/** The requests the simulator does not decode: a bare message id decodes to `unsupported` only for them. */
function unserved(): [string, number][] {
  return Object.entries(ClientMsgId).filter(([, id]) => {
    try {
      return decodeRequest(193, [String(id)]).type === 'unsupported';
    } catch {
      return false; // decoded, and short of fields
    }
  });
}

describe('unserved requests', () => {
  it('all get an error except the ones the gateway leaves unanswered', () => {
    const silent = unserved()
      .filter(([, id]) => unservedAnswer(id) === 'none')
      .map(([name]) => name);
    expect(silent.sort()).toEqual([...SILENT_BY_DESIGN].sort());
  });

  it("FA requests get the gateway's non-FA refusal, news and WSH requests its no-subscription one", () => {
    expect(unservedAnswer(ClientMsgId.REQ_FA)).toEqual({
      code: 321,
      message: "Error validating request.-'sim' : cause - FA data operations ignored for non FA customers.",
    });
    expect(unservedAnswer(ClientMsgId.REQ_WSH_META_DATA)).toEqual({
      code: 10276,
      message: 'News feed is not allowed.',
    });
    expect(unservedAnswer(ClientMsgId.REQ_HISTORICAL_NEWS)).toMatchObject({ code: 10276 });
  });

  it('anything else gets a 321 naming the message id', () => {
    expect(unservedAnswer(ClientMsgId.QUERY_DISPLAY_GROUPS)).toEqual({
      code: 321,
      message: "Error validating request.-'sim' : cause - The simulator does not serve message id 67.",
    });
  });
});

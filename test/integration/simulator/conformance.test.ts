import { EventName, IBApi } from '@stoqey/ib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { REQUEST_TABLE, type DataAnswer } from '../../../src/simulator/conformance-table';
import { MIN_SERVER_VERSION } from '../../../src/simulator/wire/messages';
import { PROBES, type ProbeContext } from './conformance-requests';
import { FARM_NOTICES, HOST, nextEvent, Reports, until, type Emitter } from './ib-client';
import { offerVersionsUpTo } from './tws-startup';

/**
 * Every client request id of the TWS API, sent through @stoqey/ib's encoder to the simulator over a real socket
 * at the lowest, a middle and the highest server version, and answered as its row of the conformance table
 * says — decoded by @stoqey/ib with nothing left over or missing, and never with silence.
 */

/** The highest version @stoqey/ib offers. */
const CLIENT_MAX_VERSION = 193;
/** The lowest the simulator accepts, the one ib_async and @stoqey/ib both accept, and @stoqey/ib's highest. */
const VERSIONS = [MIN_SERVER_VERSION, 178, CLIENT_MAX_VERSION];
/** Long enough for the first 5-second real-time bar on a busy machine; every other answer comes within milliseconds. */
const ANSWER_MS = 8000;

interface Received {
  event: string;
  args: unknown[];
}

/** Every event the table names, and every error, from each client the test opens. */
class Recorder {
  readonly received: Received[] = [];
  readonly reports = new Reports();
  private readonly events = new Set(
    REQUEST_TABLE.flatMap(({ answer }) => (answer.kind === 'data' ? [...answer.messages, answer.end ?? ''] : [])),
  );

  attach(api: IBApi): void {
    const emitter = api as unknown as Emitter;
    for (const event of [...this.events, EventName.historicalData, EventName.currentTime])
      if (event !== '') emitter.on(event, (...args) => this.received.push({ event, args }));
    api.on(EventName.error, (error: Error, code: number, reqId: number) =>
      this.reports.push({ source: 'error', code, reqId: reqId ?? -1, message: error.message }),
    );
    api.on(EventName.info, (message: string, code: number) =>
      this.reports.push({ source: 'info', code, reqId: -1, message }),
    );
  }

  /** The first `event` since `mark` whose arguments `match`, within the bound. */
  waitFor(mark: number, event: string, match: (args: unknown[]) => boolean): Promise<Received> {
    return until(
      () => this.received.slice(mark).find((entry) => entry.event === event && match(entry.args)),
      ANSWER_MS,
      `${event} after the request`,
    );
  }
}

/** IBKR's historicalDataEnd reaches @stoqey/ib's users as a historicalData event dated "finished…". */
function awaited(answer: DataAnswer, reqId: number) {
  const name = answer.end ?? answer.messages[0] ?? '';
  if (name === 'historicalDataEnd')
    return {
      event: EventName.historicalData,
      match: (args: unknown[]) => args[0] === reqId && String(args[1]).startsWith('finished'),
    };
  // Number(): @stoqey/ib hands accountUpdateMultiEnd its request id as the string it read.
  return { event: name, match: (args: unknown[]) => !answer.keyed || Number(args[0]) === reqId };
}

async function connect(port: number, clientId: number, version: number, recorder: Recorder): Promise<IBApi> {
  const api = new IBApi({ host: HOST, port });
  offerVersionsUpTo(api, version);
  recorder.attach(api);
  const started = nextEvent(api, EventName.nextValidId, () => true, ANSWER_MS);
  api.connect(clientId);
  await started;
  return api;
}

describe.each(VERSIONS)('every client request at server version %i', (version) => {
  let sim: Simulator;
  let api: IBApi;
  const recorder = new Recorder();
  const others: IBApi[] = [];
  let context: ProbeContext;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, tickRate: 0, seed: 7, controlPort: null });
    api = await connect(sim.port, version, version, recorder);
    expect(api.serverVersion).toBe(version);
    let orderId = 1;
    api.on(EventName.nextValidId, (id: number) => (orderId = Math.max(orderId, id)));
    context = {
      api,
      sim,
      accounts: sim.accountIds(),
      nextOrderId: () => orderId++,
      connectAnother: async (clientId) => {
        const other = await connect(sim.port, clientId, version, recorder);
        others.push(other);
        return other;
      },
    };
  });
  afterAll(async () => {
    for (const client of [api, ...others]) if (client.isConnected) client.disconnect();
    await sim.close();
  });

  const newReports = (mark: number) =>
    recorder.reports.all.slice(mark).filter((entry) => !FARM_NOTICES.has(entry.code));

  /** Resolves once everything sent so far has been answered: the gateway answers in order. */
  async function settle(): Promise<void> {
    const mark = recorder.received.length;
    api.reqCurrentTime();
    await recorder.waitFor(mark, EventName.currentTime, () => true);
  }

  it.each(REQUEST_TABLE)('$id $name', async ({ name, answer, since, clientDivergence }) => {
    const probe = PROBES[name];
    if (probe.setup) {
      await probe.setup(context);
      await settle();
    }
    const mark = recorder.received.length;
    const reportMark = recorder.reports.all.length;
    if (since !== undefined && version < since) {
      // @stoqey/ib refuses locally below the request's minimum server version; nothing goes out.
      await probe.send(context);
      expect(
        newReports(reportMark)
          .map((entry) => entry.message)
          .join(),
      ).toMatch(/Server Version/);
      return;
    }
    const reqId = await probe.send(context);
    if (answer.kind === 'error') {
      await until(
        () => newReports(reportMark).find((entry) => entry.code === answer.code && entry.reqId === reqId),
        ANSWER_MS,
        `error ${answer.code} for request ${reqId}`,
      );
    } else if (answer.kind === 'data') {
      const { event, match } = awaited(answer, reqId);
      await recorder.waitFor(mark, event, match);
      if (clientDivergence && version < clientDivergence.below) {
        // The data messages came, and @stoqey/ib dropped each with its known complaint.
        const taken = recorder.reports.take((entry) => entry.message.includes(clientDivergence.complaint));
        expect(taken.length, `@stoqey/ib's known complaint: ${clientDivergence.why}`).toBeGreaterThan(0);
      } else if (answer.end && !answer.mayBeEmpty) {
        const events = recorder.received.slice(mark).map((entry) => entry.event);
        expect(events, 'data before the end marker').toEqual(
          expect.arrayContaining([expect.toBeOneOf([...answer.messages])]),
        );
      }
      expect(newReports(reportMark), 'errors beside the data').toEqual([]);
    } else {
      // Nothing comes back: a request sent after it is answered, and nothing arrived in between.
      await settle();
      expect(newReports(reportMark), 'answers to a request IB Gateway leaves unanswered').toEqual([]);
    }
    recorder.reports.expectClean();
  });
});

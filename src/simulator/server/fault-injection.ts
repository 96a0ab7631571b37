import { encodeFrame } from '../wire/frame';
import type { ApiConnection } from './connection';
import type { GatewayContext } from './context';
import { GATEWAY_NOTICES } from './gateway-messages';
import type { SimulatorFaults } from './simulator-api';
import { broadcastBulletin } from './startup-handlers';

/** The gateway's switches that faults flip and the connection and market code read. */
export interface GatewayLinks {
  /** 1100 until 1101 or 1102: no market data flows. */
  connectivityLost: boolean;
  /** 2103 until 2104: no market data flows. */
  marketFarmDown: boolean;
  /** How many of the next connections are refused with 326. */
  refuseClientIds: number;
}

export interface FaultHost {
  context: GatewayContext;
  links: GatewayLinks;
  /** Every open socket, started or not. */
  everyConnection(): ApiConnection[];
  /** Stops listening, then listens again on the same port after `seconds`. */
  restartListener(seconds: number): void;
  scheduleAccountPublish(): void;
}

/** The fault-injection switches of one simulated gateway, as tests and the control API flip them. */
export function createFaults(gateway: FaultHost): SimulatorFaults {
  const { context, links } = gateway;
  const { log } = context;
  return {
    drop() {
      const all = gateway.everyConnection();
      for (const connection of all) connection.destroy();
      log(`fault: dropped ${all.length} connection(s)`);
      return all.length;
    },
    stall() {
      const all = gateway.everyConnection();
      for (const connection of all) connection.stall();
      log(`fault: stalled ${all.length} connection(s)`);
      return all.length;
    },
    resume() {
      for (const connection of gateway.everyConnection()) connection.resume();
      context.competingSession = false;
      log('fault: resumed');
    },
    restart(seconds) {
      for (const connection of gateway.everyConnection()) connection.destroy();
      gateway.restartListener(seconds);
      log(`fault: restarting; refusing connections for ${seconds} s`);
    },
    notice(code) {
      if (code === 1100) links.connectivityLost = true;
      if (code === 1101 || code === 1102) links.connectivityLost = false;
      if (code === 2103) links.marketFarmDown = true;
      if (code === 2104) links.marketFarmDown = false;
      if (code === 1101) for (const connection of context.connections()) connection.subs.dropMarketData();
      for (const connection of context.connections()) connection.sendError(-1, code, GATEWAY_NOTICES[code] ?? '');
      log(`fault: notice ${code}`);
    },
    competingSession() {
      context.competingSession = true;
      for (const connection of context.connections()) {
        const reqIds = [...connection.subs.market.keys()];
        for (const reqId of reqIds.length > 0 ? reqIds : [-1])
          connection.sendError(reqId, 10197, GATEWAY_NOTICES[10197] ?? '');
      }
      log('fault: competing session');
    },
    clientIdInUse(count = 1) {
      links.refuseClientIds += count;
      log(`fault: the next ${count} connection(s) will be refused with 326`);
    },
    assign(account, conId) {
      const worldAccount = context.ids.fromWire(account);
      if (!worldAccount) throw new RangeError(`No account ${account} in this login`);
      const assigned = context.world.options.assign(worldAccount, conId);
      log(`fault: assigned ${assigned.length} short option position(s) in ${account}`);
      if (assigned.length > 0) context.accountsChanged();
      return assigned.length;
    },
    garbageFrame(kind = 'unknown-id') {
      const frame =
        kind === 'truncated'
          ? encodeFrame([1, 6, 1]) // a TICK_PRICE cut off after its ticker id
          : kind === 'not-a-number'
            ? encodeFrame(['garbage', 'frame'])
            : encodeFrame([9999, 1, 'nobody knows this message']);
      for (const connection of context.connections()) connection.sendRaw(frame);
      log(`fault: garbage frame (${kind})`);
    },
    withholdAccountType(on) {
      context.accountFaults.withholdAccountType = on;
      if (!on) gateway.scheduleAccountPublish();
      log(`fault: AccountType ${on ? 'withheld' : 'sent again'}`);
    },
    delayAccountData(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`The delay must be 0 or more milliseconds, not ${ms}`);
      context.accountFaults.delayMs = ms;
      log(`fault: account summaries and positions answered after ${ms} ms`);
    },
    newsBulletin(text, exchange = '') {
      const bulletin = context.bulletins.post(text, exchange);
      broadcastBulletin(context, bulletin);
      log(`fault: news bulletin ${bulletin.msgId}`);
      return bulletin.msgId;
    },
  };
}

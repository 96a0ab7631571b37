import type { KillSwitchState } from '../../shared/orders';
import { AppError } from '../../shared/result';
import type { TradingMode } from '../../shared/session';
import type { Check } from '../../shared/ticket';
import { KillSwitch } from './kill-switch';
import type { OrderAudit } from './order-audit';
import type { CancelAllAsker, CancelAllOutcome } from './order-book-service';

export interface KillSwitchDeskOptions {
  userDataDir: string;
  audit: OrderAudit;
  /** The order book's one cancel-all. */
  cancelAll(asker: CancelAllAsker): Promise<CancelAllOutcome>;
  mode(): TradingMode;
  disarm(): void;
  publish(state: KillSwitchState): void;
  logError(message: string, error: unknown): void;
  now: () => number;
}

/**
 * The kill switch as the person works it: engaging holds every new order back, cancels every open
 * order in every account and disarms live trading; re-arming takes a typed confirmation. Each is audited.
 */
export class KillSwitchDesk {
  private readonly killSwitch: KillSwitch;

  constructor(private readonly options: KillSwitchDeskOptions) {
    this.killSwitch = new KillSwitch(options.userDataDir, undefined, options.now);
  }

  load(): Promise<KillSwitchState> {
    return this.killSwitch.load();
  }

  current(): KillSwitchState {
    return this.killSwitch.current();
  }

  /** The check every order carries while the switch is engaged; null while it is released. */
  check(): Check | null {
    return this.killSwitch.check();
  }

  /**
   * The switch is on disk before the cancel is recorded and sent, so nothing slips out meanwhile;
   * without a connection it still engages and says no cancel was sent. Should the gateway refuse the
   * cancel later, the window is told.
   */
  async engage(): Promise<KillSwitchState> {
    const at = this.options.now();
    const when = new Date(at).toISOString();
    await this.killSwitch.engage(at, `Kill switch engaged at ${when}: new orders are refused until you re-arm.`);
    const cancel = await this.options.cancelAll('kill switch');
    const state = this.killSwitch.explain(killSwitchDetail(when, cancel.sent));
    await this.options.audit.write({ kind: 'kill-switch', mode: this.options.mode(), message: state.detail });
    this.options.disarm();
    this.options.publish(state);
    if (cancel.sent)
      void cancel.refusal.then(
        (refusal) => this.cancelRefused(when, refusal),
        (error: unknown) => this.options.logError("kill switch: recording the gateway's answer failed", error),
      );
    return state;
  }

  async rearm(confirmation: string): Promise<KillSwitchState> {
    if (confirmation !== 'REARM') throw new AppError('refused', 'Type REARM, in capitals, to open order entry again.');
    const state = await this.killSwitch.release();
    await this.options.audit.write({
      kind: 'rearm',
      mode: this.options.mode(),
      message: 'Order entry re-armed after the kill switch.',
    });
    this.options.publish(state);
    return state;
  }

  private cancelRefused(when: string, refusal: string | null): void {
    if (refusal === null || !this.killSwitch.current().engaged) return;
    this.options.publish(this.killSwitch.explain(killSwitchDetail(when, true, refusal)));
  }
}

/** What the window says once the kill switch is engaged: whether the cancel went out, and whether IBKR refused it. */
function killSwitchDetail(when: string, sent: boolean, refusal: string | null = null): string {
  if (!sent)
    return `Kill switch engaged at ${when}, but Gatehouse is not connected, so no cancel reached IBKR: orders already at IBKR are still working. New orders are refused until you re-arm.`;
  if (refusal !== null)
    return `Kill switch engaged at ${when}, but IBKR refused the cancel, so orders already at IBKR may still be working (${refusal}). New orders are refused until you re-arm.`;
  return `Kill switch engaged at ${when}: every open order was asked to cancel and new orders are refused until you re-arm.`;
}

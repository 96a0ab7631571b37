import { count } from './format';
import { block, defineRule, pass } from './rule';

/** Checks of the session rather than the order: mode, arming, read-only, order rate. */

export const liveArmed = defineRule({
  id: 'live-armed',
  rule: 'Live trading armed',
  appliesTo: () => true,
  evaluate(_t, ctx) {
    if (ctx.mode === 'demo') return pass('Demo mode: the order goes to the built-in simulator, not to IBKR.');
    if (ctx.mode === 'paper') return pass('Paper trading: no real money is at stake.');
    if (ctx.liveArmed) return pass('Live trading is armed for this session: this order uses real money.');
    return block(
      'Live trading is not armed for this session; arm it (type LIVE to confirm) before sending real orders.',
    );
  },
});

/** The gateway's accounts must match the mode, and so must the ticket's own account id. */
export const modeMatch = defineRule({
  id: 'mode-match',
  rule: 'Accounts match the mode',
  appliesTo: () => true,
  evaluate(t, ctx) {
    if (!ctx.modeCheck.ok) return block(ctx.modeCheck.reason);
    const paper = t.account.startsWith('DU');
    const live = ctx.mode === 'live';
    if (live && paper) {
      return block(`Account ${t.account} is a paper account, but the session is in live mode.`);
    }
    if (!live && !paper) {
      return block(`Account ${t.account} is a live account, but the session is in ${ctx.mode} mode.`);
    }
    return pass(`Account ${t.account} is a ${paper ? 'paper' : 'live'} account, as ${ctx.mode} mode expects.`);
  },
});

export const readOnly = defineRule({
  id: 'read-only',
  rule: 'Order entry on',
  appliesTo: () => true,
  evaluate: (_t, ctx) =>
    ctx.readOnly
      ? block('Gatehouse is read-only: order entry is switched off in settings.')
      : pass('Order entry is on.'),
});

export const ordersPerDay = defineRule({
  id: 'orders-per-day',
  rule: 'Daily order limit',
  appliesTo: () => true,
  evaluate(_t, ctx) {
    const { today } = ctx.orderCounts;
    const max = ctx.limits.maxOrdersPerDay;
    if (today < max) return pass(`${count(today)} of ${count(max)} orders sent today.`);
    return block(
      `${count(today)} orders have been sent today, the daily limit of ${count(max)}; raise it in settings to send more.`,
    );
  },
});

export const ordersPerMinute = defineRule({
  id: 'orders-per-minute',
  rule: 'Order rate limit',
  appliesTo: () => true,
  evaluate(_t, ctx) {
    const { lastMinute } = ctx.orderCounts;
    const max = ctx.limits.maxOrdersPerMinute;
    if (lastMinute < max) return pass(`${count(lastMinute)} of ${count(max)} orders in the last minute.`);
    return block(
      `${count(lastMinute)} orders were sent in the last minute, the limit of ${count(max)}; wait a moment before sending another.`,
    );
  },
});

import type { RequestName, SignalName } from './index';

/**
 * Every request of the contract by name, for the clients to build their methods from. A plain list
 * rather than the contract's keys: the contract is made of schemas, and the window would otherwise load
 * the schema library only to read names. The compiler checks the list against the contract both ways.
 */
export const REQUEST_NAMES = [
  'app.info',
  'session.status',
  'session.reconnect',
  'session.setMode',
  'session.armLive',
  'session.disarm',
  'session.activity',
  'session.setReadOnly',
  'credentials.status',
  'credentials.set',
  'credentials.delete',
  'gatewaySettings.get',
  'gatewaySettings.set',
  'accounts.snapshot',
  'accounts.ledger',
  'accounts.setOverride',
  'orders.open',
  'orders.cancel',
  'orders.cancelAll',
  'orders.linkOca',
  'orders.accounts',
  'orders.preview',
  'orders.submit',
  'orders.discard',
  'orders.size',
  'orders.previewAllocation',
  'orders.submitAllocation',
  'orders.previewBracket',
  'orders.submitBracket',
  'orders.previewRoll',
  'orders.submitRoll',
  'orders.list',
  'orders.killSwitch',
  'orders.killSwitchState',
  'orders.rearm',
  'orders.audit',
  'market.search',
  'market.watchlist',
  'market.addToWatchlist',
  'market.removeFromWatchlist',
  'market.moveInWatchlist',
  'market.seedWatchlist',
  'market.history',
  'market.subscribe',
  'market.unsubscribe',
  'options.chain',
  'options.rows',
  'options.watchRows',
  'options.watchHeld',
  'options.close',
  'options.coveredCallPrefill',
  'options.securedPutPrefill',
  'alerts.list',
  'alerts.add',
  'alerts.remove',
  'notifications.settings',
  'notifications.setSettings',
  'hotkeys.get',
  'hotkeys.set',
  'holdings.check',
  'holdings.import',
  'holdings.list',
  'holdings.remove',
] as const satisfies readonly RequestName[];

type Listed = (typeof REQUEST_NAMES)[number];
/** Fails to compile, naming the request, when the contract has a request the list lacks. */
const everyRequestListed: Record<Exclude<RequestName, Listed>, never> = {};
void everyRequestListed;

/** Every signal of the contract by name: the window's one-way messages, checked the same way. */
export const SIGNAL_NAMES = ['market.ack'] as const satisfies readonly SignalName[];

/** Fails to compile, naming the signal, when the contract has a signal the list lacks. */
const everySignalListed: Record<Exclude<SignalName, (typeof SIGNAL_NAMES)[number]>, never> = {};
void everySignalListed;

import type { RequestName } from './index';

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
  'market.ack',
  'options.chain',
  'options.rows',
  'options.watchRows',
  'options.watchHeld',
  'options.close',
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

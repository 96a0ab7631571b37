import { describe, expect, it } from 'vitest';
import { useChainStore } from '../../../src/renderer/src/stores/chain-store';
import {
  backToChoices,
  closeRoll,
  previewRoll,
  transmitRoll,
  useRollStore,
  type ShortOption,
} from '../../../src/renderer/src/stores/roll-store';
import { startOrdersFeed } from '../../../src/renderer/src/stores/ticket-store';
import type { GatehouseApi } from '../../../src/shared/client';
import type { RollPreview, RollRequestInput } from '../../../src/shared/roll';

/** The roll dialog's store: what it asks the services, and the quote lines a roll not sent gives back. */

const never = () => new Promise<never>(() => {});

const SHORT_CALL = {
  account: 'DU1000001',
  conId: 101,
  symbol: 'AAPL',
  description: 'AAPL 20261218 230 C',
  expiry: '20261218',
  right: 'C',
  strike: 230,
  secType: 'OPT',
  currency: 'USD',
  quantity: -2,
} as ShortOption;

const PREVIEW = {
  groupId: 'g1',
  legs: [
    { role: 'close', previewId: 'p-close' },
    { role: 'open', previewId: 'p-open' },
  ],
} as unknown as RollPreview;

function fakeServices() {
  const discarded: string[] = [];
  const asked: RollRequestInput[] = [];
  const api = {
    orders: {
      list: never,
      killSwitchState: never,
      previewRoll: async (request: RollRequestInput) => {
        asked.push(request);
        return { ok: true, value: PREVIEW };
      },
      submitRoll: async () => ({
        ok: true,
        value: { groupId: 'g1', result: { outcome: 'sent', order: { orderId: 7 }, repeated: false, checks: [] } },
      }),
      discard: async ({ previewId }: { previewId: string }) => {
        discarded.push(previewId);
        return { ok: true, value: undefined };
      },
    },
    on: () => () => {},
  } as unknown as GatehouseApi;
  startOrdersFeed(api);
  return { discarded, asked };
}

/** The dialog's choices: the next monthly at strike 230, both contracts, a credit of 1.25. */
async function previewed() {
  useChainStore.setState({ expiry: '20270115' });
  useRollStore.setState({ position: SHORT_CALL, strike: 230, contracts: 2, netSide: 'credit', netText: '1.25' });
  await previewRoll();
}

describe('the roll store', () => {
  it('asks for the roll chosen, its credit as IBKR’s negative net limit', async () => {
    const { asked } = fakeServices();
    await previewed();
    expect(asked).toEqual([
      {
        account: 'DU1000001',
        close: {
          symbol: 'AAPL',
          secType: 'OPT',
          currency: 'USD',
          exchange: 'SMART',
          conId: 101,
          lastTradeDate: '20261218',
          strike: 230,
          right: 'C',
        },
        open: { lastTradeDate: '20270115', strike: 230 },
        contracts: 2,
        netLimit: -1.25,
      },
    ]);
    closeRoll();
  });

  it('gives back both legs’ quote lines when the person goes back or cancels', async () => {
    const { discarded } = fakeServices();
    await previewed();
    backToChoices();
    expect(discarded).toEqual(['p-close', 'p-open']);
    await previewRoll();
    closeRoll();
    expect(discarded).toEqual(['p-close', 'p-open', 'p-close', 'p-open']);
  });

  it('gives nothing back once the roll is sent: the order holds its lines', async () => {
    const { discarded } = fakeServices();
    await previewed();
    await transmitRoll([]);
    closeRoll();
    expect(discarded).toEqual([]);
  });
});

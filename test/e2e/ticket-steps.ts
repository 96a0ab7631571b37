import { expect, type Page } from '@playwright/test';

/** What a test types into the order ticket; the option fields only for an option. */
export interface TicketOrder {
  account: string;
  symbol: string;
  side: 'Buy' | 'Sell';
  quantity: number;
  type: string;
  limitPrice?: number;
  option?: { expiry: string; strike: number; right: 'C' | 'P' };
}

/** Opens the ticket with its hotkey, fills it and presses Enter in its last field, which asks for a preview. */
export async function fillTicket(page: Page, order: TicketOrder): Promise<void> {
  await page.keyboard.press('F2');
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await expect(ticket).toBeVisible();
  await expect(ticket.getByLabel('Account', { exact: true })).toContainText(order.account);
  await ticket.getByLabel('Account', { exact: true }).selectOption(order.account);
  if (order.option) await ticket.getByLabel('Instrument type').selectOption('OPT');
  await ticket.getByLabel('Symbol').fill(order.symbol);
  if (order.option) {
    await ticket.getByLabel('Expiry (YYYYMMDD)').fill(order.option.expiry);
    await ticket.getByLabel('Strike').fill(String(order.option.strike));
    await ticket.getByLabel('Right').selectOption(order.option.right);
  }
  await ticket.getByRole('radio', { name: order.side }).check();
  await ticket.getByLabel('Quantity').fill(String(order.quantity));
  await ticket.getByLabel('Order type').selectOption(order.type);
  const last = order.limitPrice === undefined ? ticket.getByLabel('Quantity') : ticket.getByLabel('Limit price');
  if (order.limitPrice !== undefined) await last.fill(String(order.limitPrice));
  await last.press('Enter');
}

/** A buy of 1 AAPL far under the market, acknowledged and transmitted: it stays working at the gateway. */
export async function placeRestingBuy(page: Page): Promise<void> {
  await fillTicket(page, {
    account: 'DU1000002',
    symbol: 'AAPL',
    side: 'Buy',
    quantity: 1,
    type: 'LMT',
    limitPrice: 100,
  });
  const dialog = page.getByRole('dialog', { name: 'Confirm order' });
  await dialog.getByRole('checkbox', { name: 'Acknowledge: Price near the market' }).check();
  await dialog.getByRole('button', { name: 'Transmit' }).click();
  await expect(dialog).toHaveCount(0);
}

/** Presses Modify on the open order whose button matches; returns its order id and the ticket it opened. */
export async function openModify(page: Page, button: RegExp) {
  const modify = page.getByRole('button', { name: button });
  await expect(modify).toBeEnabled({ timeout: 10_000 });
  const orderId = /order (\d+)/.exec((await modify.getAttribute('aria-label')) ?? '')?.[1];
  await modify.click();
  return { orderId, change: page.getByRole('form', { name: `Modify order ${orderId}` }) };
}

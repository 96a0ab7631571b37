import { describe, expect, it } from 'vitest';
import { atTheMoneyStrike, chainExpiries, expiryKind, strikeWindow } from '../../../../src/core/options/chain-strikes';

const STRIKES = [210, 215, 220, 225, 230, 235, 240];

describe('atTheMoneyStrike', () => {
  it('picks the strike nearest the price', () => {
    expect(atTheMoneyStrike(STRIKES, 226.4)).toBe(225);
    expect(atTheMoneyStrike(STRIKES, 228.6)).toBe(230);
  });
  it('takes the lower strike on a tie, and the ends beyond the chain', () => {
    expect(atTheMoneyStrike(STRIKES, 227.5)).toBe(225);
    expect(atTheMoneyStrike(STRIKES, 100)).toBe(210);
    expect(atTheMoneyStrike(STRIKES, 900)).toBe(240);
  });
  it('has none without a price or without strikes', () => {
    expect(atTheMoneyStrike(STRIKES, null)).toBeNull();
    expect(atTheMoneyStrike(STRIKES, 0)).toBeNull();
    expect(atTheMoneyStrike([], 225)).toBeNull();
  });
});

describe('strikeWindow', () => {
  it('gives the center and N strikes each side, ascending', () => {
    expect(strikeWindow([240, 210, 225, 220, 230, 215, 235], 225, 2)).toEqual([215, 220, 225, 230, 235]);
  });
  it('gives fewer at the ends of the chain', () => {
    expect(strikeWindow(STRIKES, 215, 2)).toEqual([210, 215, 220, 225]);
    expect(strikeWindow(STRIKES, 240, 1)).toEqual([235, 240]);
  });
  it('places a center that is not listed where it would sort', () => {
    expect(strikeWindow(STRIKES, 222, 1)).toEqual([220, 225, 230]);
    expect(strikeWindow(STRIKES, 999, 1)).toEqual([235, 240]);
  });
});

describe('expiryKind', () => {
  it('calls the third Friday monthly and other Fridays weekly', () => {
    expect(expiryKind('20261218')).toBe('monthly');
    expect(expiryKind('20261211')).toBe('weekly');
    expect(expiryKind('20261225')).toBe('weekly');
    expect(expiryKind('20270115')).toBe('monthly');
  });
  it('calls the Thursday before a holiday third Friday monthly (Good Friday 2025, Juneteenth 2026)', () => {
    expect(expiryKind('20250417')).toBe('monthly');
    expect(expiryKind('20260618')).toBe('monthly');
    expect(expiryKind('20261217')).toBe('weekly');
  });
});

describe('chainExpiries', () => {
  it('keeps today and later, once each, in date order, marked', () => {
    expect(chainExpiries(['20261218', '20261211', '20261204', '20261127', '20261211'], '20261204')).toEqual([
      { expiry: '20261204', kind: 'weekly' },
      { expiry: '20261211', kind: 'weekly' },
      { expiry: '20261218', kind: 'monthly' },
    ]);
  });
});

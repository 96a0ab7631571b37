import {
  BarSizeSetting,
  ConjunctionConnection,
  type Contract,
  ExecutionCondition,
  MarginCondition,
  OptionType,
  OrderAction,
  type Order,
  OrderType,
  PercentChangeCondition,
  PriceCondition,
  SecType,
  TimeCondition,
  TriggerMethod,
  VolumeCondition,
  WhatToShow,
} from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { FieldReader } from '../../../../src/simulator/wire/field-reader';
import { decodeRequest } from '../../../../src/simulator/wire/incoming';
import { WireError } from '../../../../src/simulator/wire/messages';
import { AAPL, roundTrip, socketFields, thrown, wire } from './client-encoder';

/**
 * The ground truth is @stoqey/ib's own encoder: every message below is produced by it at the given server
 * version and must decode with no field missing and none left over.
 */

const VERSIONS = [157, 163, 170, 176, 183, 187, 190, 193] as const;

const SPY_CALL: Contract = {
  symbol: 'SPY',
  secType: SecType.OPT,
  lastTradeDateOrContractMonth: '20250117',
  strike: 450,
  right: OptionType.Call,
  multiplier: 100,
  exchange: 'SMART',
  currency: 'USD',
  localSymbol: 'SPY   250117C00450000',
  tradingClass: 'SPY',
};

const SPREAD: Contract = {
  symbol: 'SPY',
  secType: SecType.BAG,
  exchange: 'SMART',
  currency: 'USD',
  comboLegs: [
    {
      conId: 111,
      ratio: 1,
      action: OrderAction.BUY,
      exchange: 'SMART',
      openClose: 0,
      shortSaleSlot: 0,
      exemptCode: -1,
    },
    {
      conId: 222,
      ratio: 2,
      action: OrderAction.SELL,
      exchange: 'CBOE',
      openClose: 1,
      shortSaleSlot: 2,
      designatedLocation: 'LOC',
      exemptCode: 3,
    },
  ],
  deltaNeutralContract: { conId: 756733, delta: 0.5, price: 450.25 },
};

const LMT: Order = {
  action: OrderAction.BUY,
  totalQuantity: 100,
  orderType: OrderType.LMT,
  lmtPrice: 182.5,
  tif: 'DAY',
  account: 'DU123',
  orderRef: 'gh-1',
  outsideRth: true,
  transmit: true,
};

describe.each(VERSIONS)('decodeRequest at server version %i', (v) => {
  describe('session and account requests', () => {
    it('startApi, as the socket sends it after the handshake', () => {
      expect(decodeRequest(v, socketFields([71, 2, 7, '']))).toEqual({
        type: 'startApi',
        clientId: 7,
        optionalCapabilities: '',
      });
    });

    it('reqIds, reqCurrentTime, reqManagedAccts', () => {
      expect(roundTrip(v, 'reqIds', (e) => e.reqIds(1))).toEqual({ type: 'reqIds', numIds: 1 });
      expect(roundTrip(v, 'reqCurrentTime', (e) => e.reqCurrentTime())).toEqual({ type: 'reqCurrentTime' });
      expect(roundTrip(v, 'reqManagedAccts', (e) => e.reqManagedAccts())).toEqual({ type: 'reqManagedAccts' });
    });

    it('reqAccountSummary and its cancel', () => {
      expect(
        roundTrip(v, 'reqAccountSummary', (e) => e.reqAccountSummary(5, 'All', 'NetLiquidation,BuyingPower')),
      ).toEqual({ type: 'reqAccountSummary', reqId: 5, group: 'All', tags: 'NetLiquidation,BuyingPower' });
      expect(roundTrip(v, 'cancelAccountSummary', (e) => e.cancelAccountSummary(5))).toEqual({
        type: 'cancelAccountSummary',
        reqId: 5,
      });
    });

    it('reqPositions, cancelPositions and the multi variants', () => {
      expect(roundTrip(v, 'reqPositions', (e) => e.reqPositions())).toEqual({ type: 'reqPositions' });
      expect(roundTrip(v, 'cancelPositions', (e) => e.cancelPositions())).toEqual({ type: 'cancelPositions' });
      expect(roundTrip(v, 'reqPositionsMulti', (e) => e.reqPositionsMulti(6, 'DU123', 'M1'))).toEqual({
        type: 'reqPositionsMulti',
        reqId: 6,
        account: 'DU123',
        modelCode: 'M1',
      });
      expect(roundTrip(v, 'cancelPositionsMulti', (e) => e.cancelPositionsMulti(6))).toEqual({
        type: 'cancelPositionsMulti',
        reqId: 6,
      });
    });

    it('reqAccountUpdates, subscribing and unsubscribing', () => {
      expect(roundTrip(v, 'reqAccountUpdates', (e) => e.reqAccountUpdates(true, 'DU123'))).toEqual({
        type: 'reqAccountUpdates',
        subscribe: true,
        account: 'DU123',
      });
      expect(roundTrip(v, 'reqAccountUpdates', (e) => e.reqAccountUpdates(false, ''))).toEqual({
        type: 'reqAccountUpdates',
        subscribe: false,
        account: '',
      });
    });

    it('PnL requests and cancels', () => {
      expect(roundTrip(v, 'reqPnL', (e) => e.reqPnL(7, 'DU123', ''))).toEqual({
        type: 'reqPnL',
        reqId: 7,
        account: 'DU123',
        modelCode: '',
      });
      expect(roundTrip(v, 'cancelPnL', (e) => e.cancelPnL(7))).toEqual({ type: 'cancelPnL', reqId: 7 });
      expect(roundTrip(v, 'reqPnLSingle', (e) => e.reqPnLSingle(8, 'DU123', 'M1', 265598))).toEqual({
        type: 'reqPnLSingle',
        reqId: 8,
        account: 'DU123',
        modelCode: 'M1',
        conId: 265598,
      });
      expect(roundTrip(v, 'cancelPnLSingle', (e) => e.cancelPnLSingle(8))).toEqual({
        type: 'cancelPnLSingle',
        reqId: 8,
      });
    });
  });

  describe('market data', () => {
    it('reqMarketDataType', () => {
      expect(roundTrip(v, 'reqMarketDataType', (e) => e.reqMarketDataType(3))).toEqual({
        type: 'reqMarketDataType',
        marketDataType: 3,
      });
    });

    it('reqMktData for a stock with generic ticks, and its cancel', () => {
      const request = roundTrip(v, 'reqMktData', (e) => e.reqMktData(9, AAPL, '233,236', false, false));
      expect(request).toMatchObject({
        reqId: 9,
        genericTickList: '233,236',
        snapshot: false,
        regulatorySnapshot: false,
      });
      expect(request.contract).toMatchObject({
        conId: 265598,
        symbol: 'AAPL',
        secType: 'STK',
        exchange: 'SMART',
        primaryExchange: 'NASDAQ',
        currency: 'USD',
        strike: 0,
        secId: '',
        includeExpired: false,
      });
      expect(roundTrip(v, 'cancelMktData', (e) => e.cancelMktData(9))).toEqual({ type: 'cancelMktData', reqId: 9 });
    });

    it('reqMktData snapshot for an option', () => {
      const request = roundTrip(v, 'reqMktData', (e) => e.reqMktData(10, SPY_CALL, '', true, true));
      expect(request).toMatchObject({ reqId: 10, genericTickList: '', snapshot: true, regulatorySnapshot: true });
      expect(request.contract).toMatchObject({
        conId: 0,
        symbol: 'SPY',
        secType: 'OPT',
        lastTradeDateOrContractMonth: '20250117',
        strike: 450,
        right: 'C',
        multiplier: '100',
        localSymbol: 'SPY   250117C00450000',
        tradingClass: 'SPY',
      });
    });

    it('reqMktData for a combo with a delta-neutral contract stays aligned', () => {
      const request = roundTrip(v, 'reqMktData', (e) => e.reqMktData(11, SPREAD, '100', false, false));
      expect(request).toMatchObject({ reqId: 11, genericTickList: '100', snapshot: false });
      expect(request.contract.secType).toBe('BAG');
    });

    it('reqHistoricalData with chart options, and its cancel', () => {
      const request = roundTrip(v, 'reqHistoricalData', (e) =>
        e.reqHistoricalData(
          12,
          { ...AAPL, includeExpired: true },
          '20240102 16:00:00 US/Eastern',
          '2 D',
          BarSizeSetting.MINUTES_FIVE,
          WhatToShow.TRADES,
          1,
          1,
          false,
          [{ tag: 'a', value: 'b' }],
        ),
      );
      expect(request).toEqual({
        type: 'reqHistoricalData',
        reqId: 12,
        contract: expect.objectContaining({ symbol: 'AAPL', conId: 265598, includeExpired: true }),
        endDateTime: '20240102 16:00:00 US/Eastern',
        barSizeSetting: '5 mins',
        durationStr: '2 D',
        useRTH: true,
        whatToShow: 'TRADES',
        formatDate: 1,
        keepUpToDate: false,
      });
      expect(roundTrip(v, 'cancelHistoricalData', (e) => e.cancelHistoricalData(12))).toEqual({
        type: 'cancelHistoricalData',
        reqId: 12,
      });
    });

    it('reqHistoricalData keepUpToDate for a combo stays aligned', () => {
      const request = roundTrip(v, 'reqHistoricalData', (e) =>
        e.reqHistoricalData(13, SPREAD, '', '1 D', BarSizeSetting.DAYS_ONE, WhatToShow.MIDPOINT, 0, 2, true),
      );
      expect(request).toMatchObject({
        endDateTime: '',
        durationStr: '1 D',
        barSizeSetting: '1 day',
        useRTH: false,
        whatToShow: 'MIDPOINT',
        formatDate: 2,
        keepUpToDate: true,
      });
    });
  });

  describe('reference data', () => {
    it('reqContractDetails with security id (and issuer id where the version has it)', () => {
      const issuerId = v >= 176 ? 'e1234' : undefined;
      const request = roundTrip(v, 'reqContractDetails', (e) =>
        e.reqContractDetails(14, { ...SPY_CALL, secIdType: 'ISIN', secId: 'US78462F1030', issuerId }),
      );
      expect(request.reqId).toBe(14);
      expect(request.contract).toMatchObject({
        symbol: 'SPY',
        secType: 'OPT',
        strike: 450,
        right: 'C',
        secIdType: 'ISIN',
        secId: 'US78462F1030',
        issuerId: issuerId ?? '',
        includeExpired: false,
      });
    });

    it('reqMatchingSymbols', () => {
      expect(roundTrip(v, 'reqMatchingSymbols', (e) => e.reqMatchingSymbols(15, 'app'))).toEqual({
        type: 'reqMatchingSymbols',
        reqId: 15,
        pattern: 'app',
      });
    });
  });

  describe('placeOrder', () => {
    it('a limit order for a stock', () => {
      const { orderId, contract, order } = roundTrip(v, 'placeOrder', (e) => e.placeOrder(101, AAPL, LMT));
      expect(orderId).toBe(101);
      expect(contract).toMatchObject({ conId: 265598, symbol: 'AAPL', secType: 'STK', primaryExchange: 'NASDAQ' });
      expect(order).toEqual({
        orderId: 101,
        clientId: 0,
        permId: 0,
        action: 'BUY',
        totalQuantity: 100,
        orderType: 'LMT',
        lmtPrice: 182.5,
        auxPrice: undefined,
        tif: 'DAY',
        ocaGroup: '',
        account: 'DU123',
        openClose: '',
        origin: 0,
        orderRef: 'gh-1',
        transmit: true,
        parentId: 0,
        outsideRth: true,
        whatIf: false,
        ocaType: 0,
        trailStopPrice: undefined,
        trailingPercent: undefined,
        lmtPriceOffset: undefined,
        algoStrategy: '',
        algoParams: [],
        cashQty: undefined,
        goodTillDate: '',
        comboLegs: [],
        orderComboLegPrices: [],
        smartComboRoutingParams: [],
      });
    });

    it('a fractional GTD stop-limit sell, child of a parent, not transmitted', () => {
      const { order } = roundTrip(v, 'placeOrder', (e) =>
        e.placeOrder(102, AAPL, {
          action: OrderAction.SELL,
          totalQuantity: 0.5,
          orderType: OrderType.STP_LMT,
          lmtPrice: 99.5,
          auxPrice: 100,
          tif: 'GTD',
          goodTillDate: '20250101 16:00:00 US/Eastern',
          parentId: 101,
          transmit: false,
          ocaGroup: 'oca-1',
          ocaType: 2,
          openClose: 'C',
          origin: 0,
        }),
      );
      expect(order).toMatchObject({
        action: 'SELL',
        totalQuantity: 0.5,
        orderType: 'STP LMT',
        lmtPrice: 99.5,
        auxPrice: 100,
        tif: 'GTD',
        goodTillDate: '20250101 16:00:00 US/Eastern',
        parentId: 101,
        transmit: false,
        outsideRth: false,
        ocaGroup: 'oca-1',
        ocaType: 2,
        openClose: 'C',
      });
    });

    it('an option order, what-if', () => {
      const { contract, order } = roundTrip(v, 'placeOrder', (e) =>
        e.placeOrder(103, SPY_CALL, { ...LMT, totalQuantity: 2, lmtPrice: 3.15, whatIf: true, orderRef: '' }),
      );
      expect(contract).toMatchObject({
        symbol: 'SPY',
        secType: 'OPT',
        lastTradeDateOrContractMonth: '20250117',
        strike: 450,
        right: 'C',
        multiplier: '100',
        tradingClass: 'SPY',
        localSymbol: 'SPY   250117C00450000',
      });
      expect(order).toMatchObject({ totalQuantity: 2, lmtPrice: 3.15, whatIf: true, orderRef: '' });
    });

    it('reads Number.MAX_VALUE prices as unset', () => {
      const { order } = roundTrip(v, 'placeOrder', (e) =>
        e.placeOrder(104, AAPL, { ...LMT, orderType: OrderType.MKT, lmtPrice: Number.MAX_VALUE, auxPrice: 0 }),
      );
      expect(order).toMatchObject({ orderType: 'MKT', lmtPrice: undefined, auxPrice: 0 });
    });

    it('a combo order with legs, leg prices, routing params and every kind of condition stays aligned', () => {
      const { contract, order } = roundTrip(v, 'placeOrder', (e) =>
        e.placeOrder(105, SPREAD, {
          ...LMT,
          lmtPrice: -1.25,
          orderComboLegs: [{ price: 1.5 }, { price: undefined }],
          smartComboRoutingParams: [{ tag: 'NonGuaranteed', value: '1' }],
          conditions: [
            new PriceCondition(450, TriggerMethod.Last, 756733, 'SMART', true, ConjunctionConnection.AND),
            new TimeCondition('20250101 10:00:00 US/Eastern', false, ConjunctionConnection.OR),
            new MarginCondition(30, true, ConjunctionConnection.AND),
            new ExecutionCondition('SMART', SecType.STK, 'MSFT', ConjunctionConnection.AND),
            new VolumeCondition(1_000_000, 756733, 'SMART', true, ConjunctionConnection.AND),
            new PercentChangeCondition(2.5, 756733, 'SMART', false, ConjunctionConnection.OR),
          ],
          conditionsIgnoreRth: true,
          conditionsCancelOrder: false,
          cashQty: 1234.5,
          orderRef: 'combo',
        }),
      );
      expect(contract.secType).toBe('BAG');
      expect(order).toMatchObject({ lmtPrice: -1.25, orderRef: 'combo', cashQty: 1234.5 });
      expect(order.comboLegs.map(({ conId, ratio, action }) => ({ conId, ratio, action }))).toEqual(
        SPREAD.comboLegs?.map(({ conId, ratio, action }) => ({ conId, ratio, action })),
      );
      expect(order.orderComboLegPrices).toEqual([1.5, undefined]);
      expect(order.smartComboRoutingParams).toEqual([{ tag: 'NonGuaranteed', value: '1' }]);
    });

    it('an algo order with params, a trailing stop and soft dollar tier', () => {
      const { order } = roundTrip(v, 'placeOrder', (e) =>
        e.placeOrder(106, AAPL, {
          action: OrderAction.BUY,
          totalQuantity: 300,
          orderType: OrderType.TRAIL_LIMIT,
          lmtPrice: 180,
          auxPrice: 1,
          trailStopPrice: 181,
          trailingPercent: 0.75,
          lmtPriceOffset: 0.2,
          tif: 'DAY',
          algoStrategy: 'Adaptive',
          algoParams: [
            { tag: 'adaptivePriority', value: 'Normal' },
            { tag: 'other', value: '' },
          ],
          algoId: 'alg',
          softDollarTier: { name: 'tier', value: '1', displayName: 'Tier 1' },
          whatIf: true,
          orderRef: 'algo',
          transmit: true,
        }),
      );
      expect(order).toMatchObject({
        orderType: 'TRAIL LIMIT',
        trailStopPrice: 181,
        trailingPercent: 0.75,
        lmtPriceOffset: 0.2,
        algoStrategy: 'Adaptive',
        algoParams: [
          { tag: 'adaptivePriority', value: 'Normal' },
          { tag: 'other', value: '' },
        ],
        whatIf: true,
        orderRef: 'algo',
        transmit: true,
      });
    });

    it('delta-neutral, hedge, scale and pegged-to-benchmark fields with their conditional tails', () => {
      const { contract, order } = roundTrip(v, 'placeOrder', (e) =>
        e.placeOrder(
          107,
          { ...AAPL, deltaNeutralContract: { conId: 1, delta: 0.3, price: 10 } },
          {
            action: OrderAction.BUY,
            totalQuantity: 10,
            orderType: OrderType.PEG_BENCH,
            lmtPrice: 180,
            tif: 'DAY',
            volatility: 0.2,
            volatilityType: 2,
            deltaNeutralOrderType: 'MKT',
            deltaNeutralConId: 42,
            deltaNeutralShortSale: true,
            deltaNeutralShortSaleSlot: 1,
            hedgeType: 'D',
            hedgeParam: '0.5',
            scaleInitLevelSize: 5,
            scaleSubsLevelSize: 2,
            scalePriceIncrement: 0.1,
            scaleAutoReset: true,
            referenceContractId: 9,
            isPeggedChangeAmountDecrease: true,
            peggedChangeAmount: 0.5,
            referenceChangeAmount: 1,
            referenceExchangeId: 'NYSE',
            cashQty: 77,
            transmit: true,
          },
        ),
      );
      expect(contract.symbol).toBe('AAPL');
      expect(order).toMatchObject({ orderType: 'PEG BENCH', cashQty: 77, transmit: true });
    });

    it('the fields that only newer versions carry', () => {
      const newer: Order = {
        ...LMT,
        ...(v >= 158 ? { duration: 60 } : {}),
        ...(v >= 160 ? { postToAts: 1 } : {}),
        ...(v >= 162 ? { autoCancelParent: true } : {}),
        ...(v >= 166 ? { advancedErrorOverride: '8229' } : {}),
        ...(v >= 169 ? { manualOrderTime: '20240102 10:00:00' } : {}),
        ...(v >= 183 ? { customerAccount: 'CUST' } : {}),
        ...(v >= 184 ? { professionalCustomer: true } : {}),
        ...(v >= 189 ? { includeOvernight: true } : {}),
        ...(v >= 192 ? { manualOrderIndicator: 1 } : {}),
      };
      const { order } = roundTrip(v, 'placeOrder', (e) => e.placeOrder(108, AAPL, newer));
      expect(order).toMatchObject({ orderRef: 'gh-1', lmtPrice: 182.5 });
    });

    if (v >= 170) {
      it('PEG BEST / PEG MID offsets and the IBKRATS minimum trade quantity', () => {
        const ats: Contract = { ...AAPL, exchange: 'IBKRATS' };
        const best = roundTrip(v, 'placeOrder', (e) =>
          e.placeOrder(109, ats, {
            ...LMT,
            orderType: OrderType.PEG_BEST,
            minTradeQty: 100,
            minCompeteSize: 100,
            competeAgainstBestOffset: Infinity,
            midOffsetAtWhole: 0.01,
            midOffsetAtHalf: 0.005,
          }),
        );
        expect(best.order).toMatchObject({ orderType: 'PEG BEST', orderRef: 'gh-1' });
        const bestNoMid = roundTrip(v, 'placeOrder', (e) =>
          e.placeOrder(110, AAPL, {
            ...LMT,
            orderType: OrderType.PEG_BEST,
            minCompeteSize: 100,
            competeAgainstBestOffset: 0.02,
          }),
        );
        expect(bestNoMid.order.orderType).toBe('PEG BEST');
        const mid = roundTrip(v, 'placeOrder', (e) =>
          e.placeOrder(111, AAPL, { ...LMT, orderType: OrderType.PEG_MID, midOffsetAtWhole: 0.01 }),
        );
        expect(mid.order.orderType).toBe('PEG MID');
      });
    }
  });

  describe('order management', () => {
    it('cancelOrder, with a manual cancel time where the version has it', () => {
      const time = v >= 169 ? '20240102 10:00:00' : '';
      expect(roundTrip(v, 'cancelOrder', (e) => e.cancelOrder(101, { manualOrderCancelTime: time }))).toEqual({
        type: 'cancelOrder',
        orderId: 101,
        manualOrderCancelTime: time,
      });
      if (v >= 192) {
        const tagged = roundTrip(v, 'cancelOrder', (e) =>
          e.cancelOrder(102, { manualOrderCancelTime: '', extOperator: 'op', manualOrderIndicator: 1 }),
        );
        expect(tagged).toEqual({ type: 'cancelOrder', orderId: 102, manualOrderCancelTime: '' });
      }
    });

    it('reqGlobalCancel', () => {
      expect(roundTrip(v, 'reqGlobalCancel', (e) => e.reqGlobalCancel({}))).toEqual({ type: 'reqGlobalCancel' });
      if (v >= 192)
        expect(
          roundTrip(v, 'reqGlobalCancel', (e) => e.reqGlobalCancel({ extOperator: 'op', manualOrderIndicator: 0 })),
        ).toEqual({ type: 'reqGlobalCancel' });
    });

    it('the open and completed order requests', () => {
      expect(roundTrip(v, 'reqOpenOrders', (e) => e.reqOpenOrders())).toEqual({ type: 'reqOpenOrders' });
      expect(roundTrip(v, 'reqAllOpenOrders', (e) => e.reqAllOpenOrders())).toEqual({ type: 'reqAllOpenOrders' });
      expect(roundTrip(v, 'reqAutoOpenOrders', (e) => e.reqAutoOpenOrders(true))).toEqual({
        type: 'reqAutoOpenOrders',
        autoBind: true,
      });
      expect(roundTrip(v, 'reqCompletedOrders', (e) => e.reqCompletedOrders(false))).toEqual({
        type: 'reqCompletedOrders',
        apiOnly: false,
      });
    });

    it('reqExecutions with a full filter and with an empty one', () => {
      expect(
        roundTrip(v, 'reqExecutions', (e) =>
          e.reqExecutions(16, {
            clientId: '3',
            acctCode: 'DU123',
            time: '20240102-09:30:00',
            symbol: 'AAPL',
            secType: SecType.STK,
            exchange: 'SMART',
            side: 'BUY',
          }),
        ),
      ).toEqual({
        type: 'reqExecutions',
        reqId: 16,
        filter: {
          clientId: 3,
          acctCode: 'DU123',
          time: '20240102-09:30:00',
          symbol: 'AAPL',
          secType: 'STK',
          exchange: 'SMART',
          side: 'BUY',
        },
      });
      expect(roundTrip(v, 'reqExecutions', (e) => e.reqExecutions(17, {}))).toEqual({
        type: 'reqExecutions',
        reqId: 17,
        filter: { clientId: 0, acctCode: '', time: '', symbol: '', secType: '', exchange: '', side: '' },
      });
    });
  });

  describe('requests the simulator does not serve', () => {
    it('answers them as unsupported with the request id where the message has one', () => {
      expect(
        decodeRequest(
          v,
          wire(v, (e) => e.requestFA(1)),
        ),
      ).toEqual({
        type: 'unsupported',
        msgId: 18,
        reqId: -1,
      });
      expect(
        decodeRequest(
          v,
          wire(v, (e) => e.queryDisplayGroups(18)),
        ),
      ).toEqual({ type: 'unsupported', msgId: 67, reqId: 18 });
      expect(
        decodeRequest(
          v,
          wire(v, (e) => e.reqHistogramData(19, AAPL, true, '1 day')),
        ),
      ).toEqual({
        type: 'unsupported',
        msgId: 88,
        reqId: 19,
      });
      expect(
        decodeRequest(
          v,
          wire(v, (e) => e.queryDisplayGroups(20)),
        ),
      ).toEqual({
        type: 'unsupported',
        msgId: 67,
        reqId: 20,
      });
    });
  });

  describe('malformed requests', () => {
    const placed = () => wire(v, (e) => e.placeOrder(121, AAPL, LMT));

    it('a placeOrder cut short names the missing field and the order', () => {
      const fields = placed();
      const error = thrown(() => decodeRequest(v, fields.slice(0, -1)));
      expect(error.msgId).toBe(3);
      expect(error.reqId).toBe(121);
      expect(error.message).toMatch(/PLACE_ORDER/);
      expect(error.message).toMatch(/ended before field "\w+"/);

      expect(() => decodeRequest(v, fields.slice(0, 10))).toThrow(/"contract\.primaryExch"/);
      expect(thrown(() => decodeRequest(v, ['3'])).message).toMatch(/"orderId"/);
    });

    it('a field left over is an error, not ignored', () => {
      const error = thrown(() => decodeRequest(v, [...placed(), 'extra']));
      expect(error.message).toMatch(/1 field\(s\) after its last one: "extra"/);
      expect(error.reqId).toBe(121);
      expect(() => decodeRequest(v, [...wire(v, (e) => e.reqIds(1)), ''])).toThrow(WireError);
    });

    it('non-numeric text where a number belongs names the field and the text', () => {
      const fields = wire(v, (e) => e.reqPnLSingle(8, 'DU123', '', 265598));
      fields[4] = 'AAPL';
      expect(() => decodeRequest(v, fields)).toThrow(/"conId" should be an integer but was "AAPL"/);
      const placeFields = placed();
      const lmtIndex = placeFields.indexOf('182.5');
      placeFields[lmtIndex] = '182,5';
      expect(() => decodeRequest(v, placeFields)).toThrow(/"lmtPrice" should be a number but was "182,5"/);
    });

    it('a bad boolean is an error', () => {
      expect(() => decodeRequest(v, ['15', '1', 'yes'])).toThrow(/"autoBind" should be a boolean/);
    });

    it('an unknown order condition type cannot be skipped', () => {
      const fields = wire(v, (e) =>
        e.placeOrder(122, AAPL, { ...LMT, conditions: [new MarginCondition(30, true, ConjunctionConnection.AND)] }),
      );
      const typeIndex = fields.indexOf('a') - 1;
      expect(fields[typeIndex]).toBe('4');
      fields[typeIndex] = '2';
      expect(() => decodeRequest(v, fields)).toThrow(/not a known order condition type: 2/);
    });
  });

  describe('option requests', () => {
    it('reqSecDefOptParams', () => {
      expect(
        roundTrip(v, 'reqSecDefOptParams', (e) => e.reqSecDefOptParams(5, 'AAPL', '', SecType.STK, 265598)),
      ).toEqual({
        type: 'reqSecDefOptParams',
        reqId: 5,
        underlyingSymbol: 'AAPL',
        futFopExchange: '',
        underlyingSecType: 'STK',
        underlyingConId: 265598,
      });
    });

    it('calculateImpliedVolatility and calculateOptionPrice, and their cancels', () => {
      const iv = roundTrip(v, 'calculateImpliedVolatility', (e) =>
        e.calculateImpliedVolatility(6, SPY_CALL, 12.5, 455.25, []),
      );
      expect(iv).toMatchObject({ reqId: 6, optionPrice: 12.5, underPrice: 455.25 });
      expect(iv.contract).toMatchObject({ symbol: 'SPY', strike: 450, right: 'C', tradingClass: 'SPY' });
      const price = roundTrip(v, 'calculateOptionPrice', (e) => e.calculateOptionPrice(7, SPY_CALL, 0.18, 455.25, []));
      expect(price).toMatchObject({ reqId: 7, volatility: 0.18, underPrice: 455.25 });
      expect(roundTrip(v, 'cancelCalculateImpliedVolatility', (e) => e.cancelCalculateImpliedVolatility(6))).toEqual({
        type: 'cancelCalculateImpliedVolatility',
        reqId: 6,
      });
      expect(roundTrip(v, 'cancelCalculateOptionPrice', (e) => e.cancelCalculateOptionPrice(7))).toEqual({
        type: 'cancelCalculateOptionPrice',
        reqId: 7,
      });
    });

    it('exerciseOptions, with the fields later versions add', () => {
      const request = roundTrip(v, 'exerciseOptions', (e) =>
        e.exerciseOptions(8, { ...SPY_CALL, conId: 710_000_123 }, 1, 3, 'DU123', 1),
      );
      expect(request).toMatchObject({
        reqId: 8,
        exerciseAction: 1,
        exerciseQuantity: 3,
        account: 'DU123',
        override: true,
      });
      expect(request.contract).toMatchObject({ conId: 710_000_123, localSymbol: 'SPY   250117C00450000', strike: 450 });
    });
  });
});

describe('decodeRequest message ids', () => {
  it('rejects an empty message', () => {
    expect(() => decodeRequest(176, [])).toThrow(WireError);
  });

  it('rejects a non-numeric id', () => {
    const error = thrown(() => decodeRequest(176, ['abc', '1']));
    expect(error.message).toMatch(/"abc" is not a number/);
    expect(error.msgId).toBeUndefined();
  });

  it('rejects an id that is no TWS API request', () => {
    const error = thrown(() => decodeRequest(176, ['999', '1']));
    expect(error.message).toMatch(/999/);
    expect(error.msgId).toBe(999);
    expect(() => decodeRequest(176, ['60'])).toThrow(WireError);
  });

  it('answers a known id it does not serve even when its fields are odd', () => {
    expect(decodeRequest(176, ['88'])).toEqual({ type: 'unsupported', msgId: 88, reqId: -1 });
    expect(decodeRequest(176, ['86', 'x'])).toEqual({ type: 'unsupported', msgId: 86, reqId: -1 });
  });
});

describe('FieldReader', () => {
  it('reads numbers, unset sentinels and decimals', () => {
    const r = new FieldReader(['', '2147483647', '-7', '', '1.7976931348623157E308', '1.5e2', '0.5', '', '100']);
    expect(r.remaining).toBe(9);
    expect(r.readInt('a')).toBe(0);
    expect(r.readIntOrUnset('b')).toBeUndefined();
    expect(r.readIntOrUnset('c')).toBe(-7);
    expect(r.readDoubleOrUnset('d')).toBeUndefined();
    expect(r.readDoubleOrUnset('e')).toBeUndefined();
    expect(r.readDouble('f')).toBe(150);
    expect(r.readDecimal('g')).toBe(0.5);
    expect(r.readDecimal('h')).toBeUndefined();
    expect(r.readDecimal('i')).toBe(100);
    expect(r.remaining).toBe(0);
  });

  it('reads booleans as 0/1 or true/false, empty as false', () => {
    const r = new FieldReader(['1', '0', 'true', 'false', '']);
    expect([r.readBool('a'), r.readBool('b'), r.readBool('c'), r.readBool('d'), r.readBool('e')]).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
  });

  it('names the field and the text it could not read', () => {
    expect(() => new FieldReader(['1.5']).readInt('numIds')).toThrow(/"numIds" should be an integer but was "1.5"/);
    expect(() => new FieldReader(['0x10']).readDouble('price')).toThrow(/"price" should be a number but was "0x10"/);
    expect(() => new FieldReader([' ']).readDecimal('qty')).toThrow(/"qty"/);
    expect(() => new FieldReader(['Infinity']).readDouble('price')).toThrow(WireError);
    expect(() => new FieldReader(['2']).readBool('flag')).toThrow(/"flag" should be a boolean/);
    expect(() => new FieldReader([]).readString('symbol')).toThrow(/ended before field "symbol"/);
  });

  it('attributes errors to the message and the request id once read', () => {
    const r = new FieldReader(['42'], 0, { msgId: 62 });
    r.readRequestId();
    const error = thrown(() => r.readString('group'));
    expect([error.msgId, error.reqId]).toEqual([62, 42]);
  });
});

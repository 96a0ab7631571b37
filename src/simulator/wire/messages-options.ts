import { type WireContract } from './messages';

/** Option requests and answers: chain parameters, option computations, model calculations and exercise. */

export type OptionRequest =
  | {
      type: 'reqSecDefOptParams';
      reqId: number;
      underlyingSymbol: string;
      /** '' for equity options; the futures exchange for futures options. */
      futFopExchange: string;
      underlyingSecType: string;
      underlyingConId: number;
    }
  | {
      type: 'calculateImpliedVolatility';
      reqId: number;
      contract: WireContract;
      optionPrice: number;
      underPrice: number;
    }
  | { type: 'calculateOptionPrice'; reqId: number; contract: WireContract; volatility: number; underPrice: number }
  | { type: 'cancelCalculateImpliedVolatility'; reqId: number }
  | { type: 'cancelCalculateOptionPrice'; reqId: number }
  | {
      type: 'exerciseOptions';
      reqId: number;
      contract: WireContract;
      /** 1 exercise, 2 lapse. */
      exerciseAction: number;
      exerciseQuantity: number;
      account: string;
      /** Exercise even out of the money / lapse even in the money, overriding the natural action. */
      override: boolean;
    };

/**
 * One tickOptionComputation. Absent figures go out as IBKR's "not computed" markers (−1 for volatility and
 * prices, −2 for the greeks).
 */
export interface OptionComputation {
  impliedVol?: number;
  delta?: number;
  optPrice?: number;
  pvDividend?: number;
  gamma?: number;
  vega?: number;
  theta?: number;
  undPrice?: number;
}

export type OptionMessage =
  | {
      type: 'securityDefinitionOptionParameter';
      reqId: number;
      exchange: string;
      underlyingConId: number;
      tradingClass: string;
      multiplier: number;
      expirations: string[];
      strikes: number[];
    }
  | { type: 'securityDefinitionOptionParameterEnd'; reqId: number }
  | {
      type: 'tickOptionComputation';
      reqId: number;
      /** 10 bid, 11 ask, 12 last, 13 model, 53 a calculation's answer (80–83 delayed). */
      tickType: number;
      /** 0 return-based, 1 price-based volatility. */
      tickAttrib: number;
      computation: OptionComputation;
    };

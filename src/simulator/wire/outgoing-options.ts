import { type OptionComputation, type OptionMessage } from './messages-options';
import { type WireField } from './messages';

/** Server → client option messages. Their layouts do not change between server versions 157 and 193. */

const OutMsgId = {
  TICK_OPTION_COMPUTATION: 21,
  SECURITY_DEFINITION_OPTION_PARAMETER: 75,
  SECURITY_DEFINITION_OPTION_PARAMETER_END: 76,
} as const;

/** IBKR's "not computed" markers: −1 for volatility and prices, −2 for the greeks, which may be negative. */
const NOT_PRICE = -1;
const NOT_GREEK = -2;

/**
 * TICK_OPTION_COMPUTATION dropped its version field at PRICE_BASED_VOLATILITY (156), which added tickAttrib; every
 * tick type then carries all eight figures (optPrice and pvDividend only rode on the model tick before version 6).
 */
function computationFields(c: OptionComputation): WireField[] {
  return [
    c.impliedVol ?? NOT_PRICE,
    c.delta ?? NOT_GREEK,
    c.optPrice ?? NOT_PRICE,
    c.pvDividend ?? NOT_PRICE,
    c.gamma ?? NOT_GREEK,
    c.vega ?? NOT_GREEK,
    c.theta ?? NOT_GREEK,
    c.undPrice ?? NOT_PRICE,
  ];
}

export function encodeOptionMessage(message: OptionMessage): WireField[] {
  switch (message.type) {
    case 'tickOptionComputation':
      return [
        OutMsgId.TICK_OPTION_COMPUTATION,
        message.reqId,
        message.tickType,
        message.tickAttrib,
        ...computationFields(message.computation),
      ];
    case 'securityDefinitionOptionParameter':
      // Never had a version field.
      return [
        OutMsgId.SECURITY_DEFINITION_OPTION_PARAMETER,
        message.reqId,
        message.exchange,
        message.underlyingConId,
        message.tradingClass,
        message.multiplier,
        message.expirations.length,
        ...message.expirations,
        message.strikes.length,
        ...message.strikes,
      ];
    case 'securityDefinitionOptionParameterEnd':
      return [OutMsgId.SECURITY_DEFINITION_OPTION_PARAMETER_END, message.reqId];
  }
}

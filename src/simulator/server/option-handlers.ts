import { type Instrument } from '../world';
import { OPTION_EXCHANGES } from '../world/option-chain';
import { greeks, impliedVolatility, type OptionInputs } from '../world/option-pricing';
import { type WireContract } from '../wire/messages';
import { type ApiConnection } from './connection';
import { validationError, type GatewayContext, type HandlerTable } from './context';
import { computationAt } from './option-feed';
import { contractQuery } from './wire-mapping';

/** Option chains, the model calculations and exercise. Option market data rides on reqMktData (option-feed.ts). */

const NO_SECURITY_DEFINITION = 'No security definition has been found for the request';
/** The calculations' answers carry tick type 53, CUST_OPTION_COMPUTATION. */
const CUSTOM_COMPUTATION = 53;
const EXERCISE_ACTIONS = { 1: 'exercise', 2: 'lapse' } as const;

/** The one listed option a contract names, or error 200 sent (none, or more than one: a strike not listed). */
function resolveOption(context: GatewayContext, connection: ApiConnection, reqId: number, contract: WireContract) {
  const found = context.world.findInstruments(contractQuery(contract));
  if (found.length === 1 && found[0]?.secType === 'OPT') return found[0];
  if (found.length === 1)
    validationError(connection, reqId, `${found[0]?.symbol} ${found[0]?.secType} is not an option.`);
  else connection.sendError(reqId, 200, NO_SECURITY_DEFINITION);
  return undefined;
}

/** The option's terms at a client's underlying price; the volatility is the client's to give. */
function termsAt(option: Instrument, spot: number, context: GatewayContext): Omit<OptionInputs, 'vol'> | undefined {
  const years = context.world.options.inputs(option.conId)?.years;
  return years === undefined
    ? undefined
    : { right: option.right === 'P' ? 'P' : 'C', spot, strike: option.strike, years };
}

function positive(connection: ApiConnection, reqId: number, values: Record<string, number>): boolean {
  for (const [name, value] of Object.entries(values)) {
    if (Number.isFinite(value) && value > 0) continue;
    validationError(connection, reqId, `The ${name} must be above 0, not ${value}.`);
    return false;
  }
  return true;
}

export const optionHandlers: HandlerTable = {
  reqSecDefOptParams(context, connection, request) {
    const { reqId, underlyingSymbol, underlyingSecType, underlyingConId } = request;
    const underlying = context.world.instrument(underlyingConId);
    const matches =
      underlying &&
      underlying.secType !== 'OPT' &&
      (!underlyingSymbol || underlying.symbol === underlyingSymbol.trim().toUpperCase()) &&
      (!underlyingSecType || underlying.secType === underlyingSecType.trim().toUpperCase());
    if (!matches || request.futFopExchange) {
      connection.sendError(reqId, 200, NO_SECURITY_DEFINITION);
      return;
    }
    for (const chain of context.world.options.chains(underlyingConId))
      for (const exchange of OPTION_EXCHANGES)
        connection.send({ type: 'securityDefinitionOptionParameter', reqId, exchange, underlyingConId, ...chain });
    connection.send({ type: 'securityDefinitionOptionParameterEnd', reqId });
  },

  calculateImpliedVolatility(context, connection, { reqId, contract, optionPrice, underPrice }) {
    const option = resolveOption(context, connection, reqId, contract);
    if (!option || !positive(connection, reqId, { 'option price': optionPrice, 'underlying price': underPrice }))
      return;
    const terms = termsAt(option, underPrice, context);
    if (!terms) return;
    const vol = impliedVolatility(optionPrice, terms);
    connection.send({
      type: 'tickOptionComputation',
      reqId,
      tickType: CUSTOM_COMPUTATION,
      tickAttrib: 0,
      computation: computationAt({ ...terms, vol: vol ?? 0 }, vol, optionPrice),
    });
  },

  calculateOptionPrice(context, connection, { reqId, contract, volatility, underPrice }) {
    const option = resolveOption(context, connection, reqId, contract);
    if (!option || !positive(connection, reqId, { volatility, 'underlying price': underPrice })) return;
    const terms = termsAt(option, underPrice, context);
    if (!terms) return;
    const inputs = { ...terms, vol: volatility };
    connection.send({
      type: 'tickOptionComputation',
      reqId,
      tickType: CUSTOM_COMPUTATION,
      tickAttrib: 0,
      computation: computationAt(inputs, volatility, greeks(inputs).price),
    });
  },

  // The calculations answer at once, so a cancel finds nothing pending; the gateway acknowledges none.
  cancelCalculateImpliedVolatility() {},
  cancelCalculateOptionPrice() {},

  exerciseOptions(context, connection, request) {
    const { reqId, contract, exerciseAction, exerciseQuantity, override } = request;
    const action = EXERCISE_ACTIONS[exerciseAction as 1 | 2] as (typeof EXERCISE_ACTIONS)[1 | 2] | undefined;
    if (!action) {
      validationError(
        connection,
        reqId,
        `The exercise action must be 1 (exercise) or 2 (lapse), not ${exerciseAction}.`,
      );
      return;
    }
    const account = context.ids.fromWire(request.account);
    if (!account) {
      validationError(connection, reqId, `The account "${request.account}" is not one of this login's accounts.`);
      return;
    }
    const option = resolveOption(context, connection, reqId, contract);
    if (!option) return;
    const result = context.world.options.exercise(account, option.conId, {
      action,
      quantity: exerciseQuantity,
      override,
    });
    if (!result.ok) {
      connection.sendError(reqId, result.rejection.code, result.rejection.message);
      return;
    }
    context.log(
      `exercise: ${account} ${action} ${exerciseQuantity} ${option.localSymbol}, ${result.settlement.shares} shares at ${option.strike}`,
    );
    context.accountsChanged();
  },
};

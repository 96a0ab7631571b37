import { type FieldReader } from './field-reader';
import { readContractCore } from './incoming-contract';
import { type ClientMsgName } from './incoming-ids';
import { type ClientRequest } from './messages';

/** Decoders of the option requests, at every server version the simulator speaks (157..193). */

type Decoder = (r: FieldReader, serverVersion: number) => ClientRequest;

const MANUAL_ORDER_TIME_EXERCISE_OPTIONS = 180;
const CUSTOMER_ACCOUNT = 183;
const PROFESSIONAL_CUSTOMER = 184;

const version = (r: FieldReader): void => void r.readInt('version');

/** The calculation requests: contract, two figures, then a reserved 'tag=value;' options string (LINKING 70). */
function readCalculation(r: FieldReader, figure: string) {
  version(r);
  const reqId = r.readRequestId();
  const contract = readContractCore(r);
  const value = r.readDouble(figure);
  const underPrice = r.readDouble('underPrice');
  r.readString('options');
  return { reqId, contract, value, underPrice };
}

export const optionDecoders: Partial<Record<ClientMsgName, Decoder>> = {
  // Introduced after per-message versions were abandoned: no version field.
  REQ_SEC_DEF_OPT_PARAMS: (r) => ({
    type: 'reqSecDefOptParams',
    reqId: r.readRequestId(),
    underlyingSymbol: r.readString('underlyingSymbol'),
    futFopExchange: r.readString('futFopExchange'),
    underlyingSecType: r.readString('underlyingSecType'),
    underlyingConId: r.readInt('underlyingConId'),
  }),
  REQ_CALC_IMPLIED_VOLAT: (r) => {
    const { reqId, contract, value, underPrice } = readCalculation(r, 'optionPrice');
    return { type: 'calculateImpliedVolatility', reqId, contract, optionPrice: value, underPrice };
  },
  REQ_CALC_OPTION_PRICE: (r) => {
    const { reqId, contract, value, underPrice } = readCalculation(r, 'volatility');
    return { type: 'calculateOptionPrice', reqId, contract, volatility: value, underPrice };
  },
  CANCEL_CALC_IMPLIED_VOLAT: (r) => {
    version(r);
    return { type: 'cancelCalculateImpliedVolatility', reqId: r.readRequestId() };
  },
  CANCEL_CALC_OPTION_PRICE: (r) => {
    version(r);
    return { type: 'cancelCalculateOptionPrice', reqId: r.readRequestId() };
  },
  EXERCISE_OPTIONS: (r, serverVersion) => {
    version(r);
    const reqId = r.readRequestId();
    const contract = readContractCore(r, false);
    const exerciseAction = r.readInt('exerciseAction');
    const exerciseQuantity = r.readInt('exerciseQuantity');
    const account = r.readString('account');
    const override = r.readBool('override');
    if (serverVersion >= MANUAL_ORDER_TIME_EXERCISE_OPTIONS) r.readString('manualOrderTime');
    if (serverVersion >= CUSTOMER_ACCOUNT) r.readString('customerAccount');
    if (serverVersion >= PROFESSIONAL_CUSTOMER) r.readBool('professionalCustomer');
    return { type: 'exerciseOptions', reqId, contract, exerciseAction, exerciseQuantity, account, override };
  },
};

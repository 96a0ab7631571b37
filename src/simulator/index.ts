export { startSimulator } from './server/simulator';
export {
  type ConnectionInfo,
  type GarbageKind,
  type GatewayNotice,
  type Simulator,
  type SimulatorFaults,
  type SimulatorOptions,
} from './server/simulator-api';
export { type AccountStyle } from './server/account-ids';
export { ACCOUNT_IDS } from './world';

import type { LaunchMode } from '../../../shared/gateway-launch';

/** What GatewaySession asks of a launcher in its endpoint step. */
export interface GatewayLaunch {
  /**
   * Makes sure a gateway answers on `endpoint` for `mode`, starting one if the settings ask for it and
   * none is there; resolves once its API port accepts connections (or at once when launching is off for
   * the mode). `progress` gets sentences for the status line while it waits.
   */
  prepare(
    mode: LaunchMode,
    endpoint: { host: string; port: number },
    progress: (detail: string) => void,
  ): Promise<void>;
  /** Stops every gateway this launcher started, and only those. */
  stopAll(): Promise<void>;
}

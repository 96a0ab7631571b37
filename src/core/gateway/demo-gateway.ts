import type { DemoGateway } from './gateway-session';

/** What demo mode needs from the simulator library; the shells pass `startSimulator` in. */
export type StartSimulator = (options: {
  port: number;
  seed: number;
  controlPort: number | null;
  log: (line: string) => void;
}) => Promise<{ port: number; close(): Promise<void> }>;

/**
 * The built-in simulator as demo mode's gateway: started on first use on a random loopback port,
 * kept running across reconnects and mode switches (its world persists), closed on quit.
 */
export function createDemoGateway(start: StartSimulator, log: (line: string) => void, seed = 42): DemoGateway {
  let running: ReturnType<StartSimulator> | null = null;
  return {
    async start() {
      running ??= start({ port: 0, seed, controlPort: null, log });
      try {
        return { port: (await running).port };
      } catch (error) {
        running = null;
        throw new Error(`The built-in simulator could not start: ${(error as Error).message}`, { cause: error });
      }
    },
    async stop() {
      const current = running;
      running = null;
      if (current) await (await current).close();
    },
  };
}

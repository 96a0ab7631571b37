import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { KillSwitchState } from '../../shared/orders';
import type { Check } from '../../shared/ticket';
import { writeFileAtomic } from '../fs/atomic-write';

const FILE = 'kill-switch.json';
const StoredSchema = z.object({ engagedAt: z.number().nullable() });

const RELEASED: KillSwitchState = { engaged: false, engagedAt: null, detail: 'Order entry is open.' };

/**
 * The kill switch's state, kept on disk: once engaged it holds every new order back — across a restart
 * too — until the person re-arms it. Engaging is the service's job (it also cancels and disarms).
 */
export class KillSwitch {
  private state: KillSwitchState = RELEASED;

  constructor(private readonly dir: string) {}

  async load(): Promise<KillSwitchState> {
    const text = await readFile(join(this.dir, FILE), 'utf8').catch(() => null);
    if (text === null) return this.state;
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // A file we cannot read still means someone pulled the switch: stay engaged.
    }
    const parsed = StoredSchema.safeParse(json);
    if (parsed.success && parsed.data.engagedAt === null) return this.state;
    this.state = engagedState(parsed.success && parsed.data.engagedAt !== null ? parsed.data.engagedAt : Date.now());
    return this.state;
  }

  current(): KillSwitchState {
    return this.state;
  }

  async engage(at: number, detail: string): Promise<KillSwitchState> {
    await writeFileAtomic(join(this.dir, FILE), `${JSON.stringify({ engagedAt: at })}\n`);
    this.state = { ...engagedState(at), detail };
    return this.state;
  }

  async release(): Promise<KillSwitchState> {
    await writeFileAtomic(join(this.dir, FILE), `${JSON.stringify({ engagedAt: null })}\n`);
    this.state = RELEASED;
    return this.state;
  }

  /** The check the confirmation dialog shows while the switch is engaged; none otherwise. */
  check(): Check | null {
    if (!this.state.engaged) return null;
    return {
      id: 'kill-switch',
      rule: 'Kill switch',
      outcome: 'block',
      message: 'The kill switch is engaged: every order is held back until you re-arm order entry (type REARM).',
    };
  }
}

function engagedState(at: number): KillSwitchState {
  return {
    engaged: true,
    engagedAt: at,
    detail: `Kill switch engaged at ${new Date(at).toISOString()}: new orders are refused until you re-arm.`,
  };
}

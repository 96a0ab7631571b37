import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { KillSwitchState } from '../../shared/orders';
import type { Check } from '../../shared/ticket';
import { writeFileAtomic } from '../fs/atomic-write';

const FILE = 'kill-switch.json';
const StoredSchema = z.object({ engagedAt: z.number().nullable() });

const RELEASED: KillSwitchState = { engaged: false, engagedAt: null, detail: 'Order entry is open.' };

/** How the switch's file is read; a test puts a failing read in its place. */
export type ReadText = (path: string) => Promise<string>;

const readText: ReadText = (path) => readFile(path, 'utf8');

/**
 * The kill switch's state, kept on disk: once engaged it holds every new order back — across a restart
 * too — until the person re-arms it. Engaging is the service's job (it also cancels and disarms).
 */
export class KillSwitch {
  private state: KillSwitchState = RELEASED;

  constructor(
    private readonly dir: string,
    private readonly read: ReadText = readText,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Only a missing file means the switch was never pulled. A file that exists but cannot be read or
   * understood may be one someone pulled: the switch stays engaged and the window says why.
   */
  async load(): Promise<KillSwitchState> {
    const path = join(this.dir, FILE);
    let text: string;
    try {
      text = await this.read(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.state;
      this.state = unreadable(this.now(), `${path} could not be read (${describeError(error)})`);
      return this.state;
    }
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON: handled with any other shape it does not recognise, below.
    }
    const parsed = StoredSchema.safeParse(json);
    if (!parsed.success) {
      this.state = unreadable(this.now(), `${path} does not say whether it is engaged`);
      return this.state;
    }
    if (parsed.data.engagedAt !== null) this.state = engagedState(parsed.data.engagedAt);
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

  /** Replaces what the window says while engaged (e.g. once the cancel's answer is known). */
  explain(detail: string): KillSwitchState {
    if (this.state.engaged) this.state = { ...this.state, detail };
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

function unreadable(at: number, why: string): KillSwitchState {
  return {
    engaged: true,
    engagedAt: at,
    detail: `Kill switch kept engaged: ${why}. New orders are refused until you re-arm.`,
  };
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

function engagedState(at: number): KillSwitchState {
  return {
    engaged: true,
    engagedAt: at,
    detail: `Kill switch engaged at ${new Date(at).toISOString()}: new orders are refused until you re-arm.`,
  };
}

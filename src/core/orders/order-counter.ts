const MINUTE_MS = 60_000;

/**
 * Orders sent, for the daily and per-minute limits: today is the UTC day, as the audit files are. The
 * service seeds it from today's audit intents, so a restart does not reset the daily count.
 */
export class OrderCounter {
  private times: number[] = [];

  record(at: number): void {
    this.times.push(at);
  }

  counts(now: number): { today: number; lastMinute: number } {
    const dayStart = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
    this.times = this.times.filter((t) => t >= dayStart);
    return { today: this.times.length, lastMinute: this.times.filter((t) => t > now - MINUTE_MS).length };
  }
}

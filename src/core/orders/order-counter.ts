const MINUTE_MS = 60_000;

/**
 * Orders sent, for the daily and per-minute limits: today is the UTC day, as the audit files are. The
 * service seeds it from today's audit intents, so a restart does not reset the daily count. An order is
 * counted from the moment its re-check clears it (in the same synchronous step as the limit rules read
 * the counts), so orders re-checked at the same time cannot all pass on one count; one that then fails
 * to go is uncounted.
 */
export class OrderCounter {
  private times: number[] = [];

  record(at: number): void {
    this.times.push(at);
  }

  /** Counts an order now; the returned function uncounts it (once) if it is not sent after all. */
  take(at: number): () => void {
    this.times.push(at);
    let taken = true;
    return () => {
      if (!taken) return;
      taken = false;
      const i = this.times.lastIndexOf(at);
      if (i >= 0) this.times.splice(i, 1);
    };
  }

  counts(now: number): { today: number; lastMinute: number } {
    const dayStart = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
    this.times = this.times.filter((t) => t >= dayStart);
    return { today: this.times.length, lastMinute: this.times.filter((t) => t > now - MINUTE_MS).length };
  }
}

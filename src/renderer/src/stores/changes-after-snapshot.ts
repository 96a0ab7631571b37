/**
 * A feed that is a snapshot followed by changes to it (the accounts, the order book). A change is a diff
 * against the services' previous publication, not against this window: applied before the window holds a
 * snapshot, it shows a fragment as the whole (a "ready" accounts grid of only the rows that changed, which
 * the first-run watchlist would then seed from). Calls and events share one ordered channel (Electron's IPC,
 * the harness's WebSocket) and the services compute a snapshot when asked, so every change that arrives
 * before the snapshot's answer is already in it: such changes are dropped, not queued.
 */
export function changesAfterSnapshot<Change>(apply: (change: Change) => void) {
  let holdsSnapshot = false;
  return {
    change(change: Change): void {
      if (holdsSnapshot) apply(change);
    },
    /** Call when a snapshot has been applied; from then on every change is applied. */
    snapshotApplied(): void {
      holdsSnapshot = true;
    },
  };
}

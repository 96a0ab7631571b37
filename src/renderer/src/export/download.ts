/**
 * Saves text as a file through the page's download: in a browser the usual download; in Electron the same
 * download reaches the session's will-download, which asks where to save it.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download: revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** e.g. "gatehouse-positions-2026-12-04.csv": what, and the local day it was saved. */
export function csvFileName(what: string, now = new Date()): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return `gatehouse-${what}-${day}.csv`;
}

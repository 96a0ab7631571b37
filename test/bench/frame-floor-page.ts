/**
 * What this browser charges for frames alone: a table the size of the watchlist's view (15 rows × 10
 * prices), no socket and no data, where one cell's text changes in every animation frame. The Gatehouse
 * page at 100 lines × 250 ms is fed about a hundred batches a second and so has something to paint in
 * nearly every frame; this page costs the same frames with almost nothing in them. `frameFloor.run(on)`
 * starts and stops the changes, so the same page gives the idle figure.
 */
const SCRIPT = `
const cells = [...document.querySelectorAll('td')];
let frame = 0;
let running = false;
const step = () => {
  if (!running) return;
  cells[(frame++ * 7) % cells.length].textContent = (Math.random() * 100).toFixed(2);
  requestAnimationFrame(step);
};
window.frameFloor = {
  run(on) {
    const wasRunning = running;
    running = on;
    if (on && !wasRunning) requestAnimationFrame(step);
  },
  get frames() { return frame; },
};`;

const ROWS = Array.from(
  { length: 15 },
  () => `<tr>${Array.from({ length: 10 }, () => '<td>0.00</td>').join('')}</tr>`,
).join('');

export const FRAME_FLOOR_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>Frame floor</title>
<style>body{font:13px system-ui;margin:0} table{table-layout:fixed;width:1000px} td{padding:2px 6px;text-align:right;white-space:nowrap}</style>
</head><body><table><tbody>${ROWS}</tbody></table>
<script>${SCRIPT}</script></body></html>`;

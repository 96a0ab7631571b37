import { HARNESS_API_PATH, HARNESS_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../src/shared/harness-protocol';

/**
 * The physical floor for showing quotes in this browser: a plain <table> fed the same `market.quotes`
 * batches as the Gatehouse page, from the same services over the same WebSocket, acknowledged the same way
 * (after the batch is applied). Each quote writes only the cells whose text changed, and only in the rows in
 * view. No framework, no grid, no flash, no formatting beyond toFixed: what any page showing these quotes
 * must at least do. Its table has a fixed layout in a 300 px scrolled box, as the watchlist's: an automatic
 * table layout re-measures every row on each change (14 ms a frame in a trace), which no page that cared
 * would pay. Writing the rows out of view too, as it once did, cost 99 % of a core against 57 % (one run of
 * each): that table was no floor, and Gatehouse's grid, which leaves those rows out of the DOM, looked cheap
 * beside it.
 * Served at the harness's origin (the WebSocket only accepts that origin); the token comes in the hash.
 */
const FIELDS = ['last', 'change', 'changePct', 'bid', 'ask', 'high', 'low', 'volume', 'bidSize', 'askSize'];

const SCRIPT = `
const fields = ${JSON.stringify(FIELDS)};
const token = new URLSearchParams(location.hash.slice(1)).get('token');
const ws = new WebSocket('ws://' + location.host + ${JSON.stringify(HARNESS_API_PATH)},
  [${JSON.stringify(HARNESS_PROTOCOL)}, ${JSON.stringify(TOKEN_PROTOCOL_PREFIX)} + token]);
const cells = new Map();
const rowIndex = new Map();
const latest = new Map();
const body = document.querySelector('tbody');
const scroller = document.querySelector('.scroll');
let rowHeight = 1;
// The rows in view, read once per batch before any write: reading layout after a write would force it.
let view = { first: 0, last: Infinity };
const measureView = () => {
  const first = Math.floor(scroller.scrollTop / rowHeight);
  view = { first, last: first + Math.ceil(scroller.clientHeight / rowHeight) };
};
const probe = { batches: 0, quotes: 0, ready: false };
window.bareTableProbe = probe;
let nextId = 1;
const call = (method, input) => ws.send(JSON.stringify({ id: nextId++, method, input }));
const text = (field, value) =>
  value === null || value === undefined ? '' : field === 'volume' || field.endsWith('Size') ? String(value) : value.toFixed(2);
function show(quote) {
  latest.set(quote.conId, quote);
  const row = cells.get(quote.conId);
  const index = rowIndex.get(quote.conId);
  if (!row || index < view.first || index > view.last) return;
  for (let i = 0; i < fields.length; i++) {
    const next = text(fields[i], quote[fields[i]]);
    if (row[i].textContent !== next) row[i].textContent = next;
  }
}
ws.onopen = () => call('market.watchlist');
ws.onmessage = (message) => {
  const frame = JSON.parse(message.data);
  if (frame.id !== undefined && frame.result && frame.result.ok && frame.result.value.entries) {
    for (const entry of frame.result.value.entries) {
      const tr = document.createElement('tr');
      const symbol = document.createElement('td');
      symbol.textContent = entry.symbol;
      tr.append(symbol);
      const row = fields.map(() => tr.appendChild(document.createElement('td')));
      rowIndex.set(entry.conId, cells.size);
      cells.set(entry.conId, row);
      body.append(tr);
    }
    rowHeight = body.firstElementChild ? body.firstElementChild.getBoundingClientRect().height || 1 : 1;
    measureView();
    scroller.onscroll = () => {
      measureView();
      for (const quote of latest.values()) show(quote);
    };
    for (const quote of frame.result.value.quotes) show(quote);
    probe.ready = true;
  } else if (frame.event === 'market.quotes') {
    measureView();
    for (const quote of frame.payload.quotes) show(quote);
    probe.batches++;
    probe.quotes += frame.payload.quotes.length;
    ws.send(JSON.stringify({ signal: 'market.ack', input: { seq: frame.payload.seq } }));
  }
};`;

export const BARE_TABLE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>Bare table</title>
<style>body{font:13px system-ui;margin:0} .scroll{height:300px;overflow:auto} table{table-layout:fixed;width:1000px} td{padding:2px 6px;text-align:right;white-space:nowrap;overflow:hidden}</style>
</head><body><div class="scroll"><table><tbody></tbody></table></div>
<script type="module">${SCRIPT}</script></body></html>`;

export const BARE_TABLE_PATH = '/bench-bare-table.html';

/**
 * Writes the simulator's request table (src/simulator/conformance-table.ts) into docs/simulator.md between its
 * markers: `npm run docs:simulator`. With `--check` it changes nothing and fails when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SIMULATOR_DOC, withFreshTable } from './simulator-table-doc';

const current = readFileSync(SIMULATOR_DOC, 'utf8');
const next = await withFreshTable(current);
if (next === current) {
  console.log(`${SIMULATOR_DOC}: the request table is up to date`);
} else if (process.argv.includes('--check')) {
  console.error(`${SIMULATOR_DOC}: the request table is stale; run npm run docs:simulator`);
  process.exit(1);
} else {
  writeFileSync(SIMULATOR_DOC, next);
  console.log(`${SIMULATOR_DOC}: request table written`);
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIMULATOR_DOC, withFreshTable } from '../../../scripts/simulator-table-doc';
import { REQUEST_TABLE } from '../../../src/simulator/conformance-table';
import { ClientMsgId } from '../../../src/simulator/wire/incoming-ids';

describe('the simulator conformance table', () => {
  it('has one row for every client request id, in id order', () => {
    expect(REQUEST_TABLE.map((row) => row.id)).toEqual(Object.values(ClientMsgId).sort((a, b) => a - b));
  });

  it('is what docs/simulator.md shows (run npm run docs:simulator when this fails)', async () => {
    const committed = readFileSync(SIMULATOR_DOC, 'utf8');
    expect(await withFreshTable(committed)).toBe(committed);
  });
});

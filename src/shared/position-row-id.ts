import type { PositionRow } from './accounts';

/** What a position row is keyed by in every grid and every update: one instrument in one account. */
export const positionRowId = (row: Pick<PositionRow, 'account' | 'conId'>): string => `${row.account}:${row.conId}`;

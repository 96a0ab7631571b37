import type { AuditRecord } from '../../../shared/orders';
import { toCsv } from './csv';

const HEADER = [
  'Time',
  'Kind',
  'Mode',
  'Account',
  'Order',
  'Allocation',
  'IB status',
  'IB code',
  'Message',
  'Fill quantity',
  'Fill price',
  'Execution id',
];

/** The audit records as CSV, one line each, with the full timestamp (the panel shows only the time). */
export function auditCsv(records: readonly AuditRecord[]): string {
  return toCsv(
    HEADER,
    records.map((r) => [
      r.at,
      r.kind,
      r.mode,
      r.account,
      r.orderId,
      r.allocationId,
      r.ibStatus,
      r.ibCode,
      r.message,
      r.fill?.quantity,
      r.fill?.price,
      r.fill?.execId,
    ]),
  );
}

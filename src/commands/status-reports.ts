import { loadLedger } from '../io/load-ledger.js';
import { gatherReportCounts, reportMonths, type MissingResult } from './missing.js';

/**
 * The report counts `ledger status` shows: for the latest month up to `asOf`
 * that has reports; undefined when there are none yet.
 */
export async function statusReports(root: string, asOf: string): Promise<MissingResult | undefined> {
  const { ledger } = loadLedger(root);
  const month = reportMonths(root, ledger).filter((m) => m <= asOf.slice(0, 7)).pop();
  return month ? gatherReportCounts(root, ledger, month) : undefined;
}

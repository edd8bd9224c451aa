import { dueReportMonth } from '../../core/evaluate.js';
import type { Ledger } from '../../core/ledger.js';
import { listReportFiles } from '../../io/list-reports.js';
import { gatherReportCounts, reportMonths, type MissingResult } from '../missing/run.js';

/**
 * The report counts `ledger status` shows: for the month whose report is due
 * as of `asOf` (the same month as 本月未报进展: this month after its
 * report_day, else last month), counting only reports committed by `asOf`.
 * Undefined when the ledger has no reports at all, or only for later months
 * (the monthly cycle had not started then).
 */
export async function statusReports(
  root: string,
  ledger: Ledger,
  asOf: string,
  listed: readonly string[] = listReportFiles(root, ledger).files,
): Promise<MissingResult | undefined> {
  const months = reportMonths(listed);
  const month = dueReportMonth(asOf, ledger.config.report_day);
  if (months.length === 0 || month < months[0]!) return undefined;
  return gatherReportCounts(root, ledger, month, asOf, listed);
}

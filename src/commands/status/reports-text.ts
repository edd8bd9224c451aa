import type { GatheredReports } from '../../core/reports/report-counts.js';
import { wrapLines } from '../../render/terminal-style.js';

/** The reports line under `ledger status`: counts for one month and where to see the names. */
export function renderStatusReports(reports: GatheredReports | undefined, width?: number): string {
  if (!reports) return '';
  const late = reports.tracked ? `，迟报 ${reports.late}` : '';
  return wrapLines(
    [
      `月度报送 ${reports.month}（截止 ${reports.due}）：应报 ${reports.owing} 个单位，已报 ${reports.received}，未报 ${reports.missing}${late}（名单：ledger missing --month ${reports.month}）`,
    ],
    width,
  )[0]!;
}

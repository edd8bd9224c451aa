/**
 * Last month's summary for 较上月: the ledger as committed by the end of last month's summary day
 * (config.lead_report_day), read through VersionWalk like the summary's trend. The previous month is
 * always what was committed then, whatever --worktree or --rev say about this month: it is the
 * summary that was sent last month.
 */
import type { Ledger } from '../../core/ledger.js';
import { monthChange, type MonthChange } from '../../core/month-change.js';
import { shiftMonth } from '../../core/monthly-trend.js';
import { dayOfMonth } from '../../core/report-path.js';
import { VersionWalk } from '../../io/version-walk.js';

/** 较上月 for this month's (scoped) ledger; null when history does not reach last month's summary day. */
export async function previousMonthChange(
  root: string,
  current: { ledger: Ledger; month: string; asOf: string },
  scope: (past: Ledger) => Ledger,
  today?: string,
): Promise<MonthChange | null> {
  const month = shiftMonth(current.month, -1);
  const asOf = dayOfMonth(month, current.ledger.config.lead_report_day);
  const walk = new VersionWalk(root, { today });
  try {
    const past = await walk.committed(asOf);
    // The work tree stands for last month only when its day has not come yet: no summary was sent.
    if (past?.version.source !== 'commit') return null;
    return monthChange(current, { ledger: scope(past.ledger), month, asOf, version: past.version.label });
  } finally {
    walk.close();
  }
}

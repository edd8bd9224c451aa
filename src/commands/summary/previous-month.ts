/**
 * Last month's summary for 较上月: the ledger as committed by the end of last month's lead report
 * day (core/model/month-day.ts), like the summary's trend. The previous month is always what was committed
 * then, whatever --worktree or --rev say about this month: it is the summary that was sent last month.
 */
import { shiftMonth } from '../../core/model/calendar.js';
import type { Ledger } from '../../core/model/ledger.js';
import { monthChange, type MonthChange } from '../../core/summaries/month-change.js';
import type { LedgerRepo } from '../../io/ledger-repo.js';
import { walkMonths } from '../../io/month-walk.js';

/** 较上月 for this month's (scoped) ledger; null when history does not reach last month's summary day. */
export async function previousMonthChange(
  repo: LedgerRepo,
  current: { ledger: Ledger; month: string; asOf: string },
  scope: (past: Ledger) => Ledger,
): Promise<MonthChange | null> {
  const rule = { kind: 'lead-report-day', day: current.ledger.config.lead_report_day } as const;
  const months = [shiftMonth(current.month, -1)];
  for await (const past of walkMonths(await repo.walk(), months, rule, 'skip')) {
    // The work tree stands for last month only when its day has not come yet: no summary was sent.
    if (past.loaded?.version.source !== 'commit') return null;
    const version = past.loaded.version.label;
    return monthChange(current, { ledger: scope(past.loaded.ledger), month: past.month, asOf: past.day, version });
  }
  return null;
}

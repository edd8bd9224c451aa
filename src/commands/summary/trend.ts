/**
 * The month-by-month trend for the summary (通报): each of the months before the summary's, read as
 * committed by the end of its lead report day (core/model/month-day.ts) and counted on that day, then the
 * summary's own month on `ledger`. Outside a repository (or before the first commit) only the
 * current month is known; earlier months only as far back as history reaches without a gap.
 */
import { monthRange, shiftMonth } from '../../core/model/calendar.js';
import type { Ledger } from '../../core/model/ledger.js';
import { trendPoint, type TrendPoint } from '../../core/summaries/monthly-trend.js';
import type { LedgerRepo } from '../../io/ledger-repo.js';
import { walkMonths } from '../../io/month-walk.js';

/** Months counted back from the summary's month, this one included. */
export const TREND_MONTHS = 6;

/** `scope` narrows each past ledger as the current one was narrowed (--lead, --area). */
export async function monthlyTrend(
  repo: LedgerRepo,
  ledger: Ledger,
  month: string,
  asOf: string,
  scope: (past: Ledger) => Ledger = (past) => past,
): Promise<TrendPoint[]> {
  const earlier = monthRange(shiftMonth(month, 1 - TREND_MONTHS), shiftMonth(month, -1));
  const rule = { kind: 'lead-report-day', day: ledger.config.lead_report_day } as const;
  const points: TrendPoint[] = [];
  for await (const past of walkMonths(await repo.walk(), earlier, rule, 'skip')) {
    if (!past.loaded) points.length = 0;
    else points.push(trendPoint(scope(past.loaded.ledger), past.month, past.day));
  }
  return [...points, trendPoint(ledger, month, asOf)];
}

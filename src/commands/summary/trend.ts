/**
 * The month-by-month trend for the summary: for each of the months up to the summary's, the ledger
 * as committed by the end of that month's summary day (config.lead_report_day, in the ledger's time
 * zone, see core/ledger-version.ts), evaluated on that day. Read from Git through VersionWalk;
 * outside a repository (or before the first commit) only the current month is known.
 */
import type { Ledger } from '../../core/ledger.js';
import { shiftMonth, trendPoint, type TrendPoint } from '../../core/monthly-trend.js';
import { dayOfMonth } from '../../core/report-path.js';
import { VersionWalk } from '../../io/version-walk.js';

/** Months counted back from the summary's month, this one included. */
export const TREND_MONTHS = 6;

/**
 * Up to TREND_MONTHS points, oldest first, ending with `month` counted on `asOf` on `ledger` (the
 * version the summary evaluates); earlier months only as far as history reaches, without gaps.
 * `scope` narrows each past ledger as the current one was narrowed (--lead, --area).
 */
export async function monthlyTrend(
  root: string,
  ledger: Ledger,
  month: string,
  asOf: string,
  scope: (past: Ledger) => Ledger = (past) => past,
): Promise<TrendPoint[]> {
  const points = [trendPoint(ledger, month, asOf)];
  const walk = new VersionWalk(root);
  try {
    for (let back = 1; back < TREND_MONTHS; back++) {
      const earlier = shiftMonth(month, -back);
      const day = dayOfMonth(earlier, ledger.config.lead_report_day);
      const past = await walk.committed(day);
      if (!past) break;
      points.unshift(trendPoint(scope(past.ledger), earlier, day));
    }
  } finally {
    walk.close();
  }
  return points;
}

import { lastDayOfMonth } from '../../core/deadline.js';
import { rollupByArea } from '../../core/rollup.js';
import type { SiteTrendPoint } from '../../core/site-model.js';
import { monthRange } from '../../core/trend.js';
import { shiftMonth } from '../../core/monthly-trend.js';
import { VersionWalk } from '../../io/version-walk.js';

/** At most this many month ends before the as-of month (two years of monthly meetings). */
export const TREND_MONTHS = 24;

/**
 * The figures at each month end before `asOf`'s month: the ledger as committed by the month's last
 * day (VersionWalk, the rules of `--as-of`), evaluated on that day — what `ledger status --as-of
 * <that day>` shows. Months history does not reach are left out.
 */
export async function siteTrend(root: string, asOf: string): Promise<SiteTrendPoint[]> {
  const month = asOf.slice(0, 7);
  const walk = new VersionWalk(root);
  const points: SiteTrendPoint[] = [];
  try {
    const first = await walk.history.firstCommitDay();
    if (first === undefined) return points;
    const from = [shiftMonth(month, -TREND_MONTHS), first.slice(0, 7)].sort()[1]!;
    for (const earlier of monthRange(from, shiftMonth(month, -1))) {
      const day = lastDayOfMonth(Number(earlier.slice(0, 4)), Number(earlier.slice(5, 7)));
      const past = await walk.committed(day);
      if (!past || past.ledger.areas.length === 0) continue;
      points.push({ month: earlier, asOf: day, ...rollupByArea(past.ledger, day).total });
    }
  } finally {
    walk.close();
  }
  return points;
}

import { monthRange, shiftMonth } from '../../core/model/calendar.js';
import { rollupByArea } from '../../core/rules/rollup.js';
import type { SiteTrendPoint } from '../../core/summaries/site-model.js';
import type { LedgerRepo } from '../../io/ledger-repo.js';
import { walkMonths } from '../../io/month-walk.js';

/** At most this many month ends before the as-of month (two years of monthly meetings). */
export const TREND_MONTHS = 24;

/**
 * The figures at each month end before `asOf`'s month: the ledger as committed by the month's last
 * day (core/model/month-day.ts), evaluated on that day — what `ledger status --as-of <that day>` shows.
 * Months history does not reach are left out.
 */
export async function siteTrend(repo: LedgerRepo, asOf: string): Promise<SiteTrendPoint[]> {
  const month = asOf.slice(0, 7);
  const first = await (await repo.history()).firstCommitDay();
  if (first === undefined) return [];
  const from = [shiftMonth(month, -TREND_MONTHS), first.slice(0, 7)].sort()[1]!;
  const points: SiteTrendPoint[] = [];
  const months = monthRange(from, shiftMonth(month, -1));
  for await (const past of walkMonths(await repo.walk(), months, { kind: 'month-end' }, 'skip')) {
    if (!past.loaded || past.loaded.ledger.areas.length === 0) continue;
    points.push({ month: past.month, asOf: past.day, ...rollupByArea(past.loaded.ledger, past.day).total });
  }
  return points;
}

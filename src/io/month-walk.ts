import { monthDay, type MonthDayRule } from '../core/model/month-day.js';
import type { VersionedLedger } from './ledger-history.js';
import type { VersionWalk } from './version-walk.js';

export interface WalkedMonth {
  month: string;
  /** The day that stands for the month (core/model/month-day.ts). */
  day: string;
  /** The ledger as committed by the end of that day; undefined where history does not reach (`reach: 'skip'`). */
  loaded: VersionedLedger | undefined;
}

/**
 * The one month walk: `months` in order, each read as committed by the end of its day (rule:
 * core/model/month-day.ts) through the run's VersionWalk, so every version is read once however many
 * months share it. With `reach: 'throw'` a day history cannot answer is an error (ledger trend);
 * with `'skip'` such a month comes with no ledger (the 通报's and the site's trends, 较上月).
 */
export async function* walkMonths(
  walk: VersionWalk,
  months: readonly string[],
  rule: MonthDayRule,
  reach: 'throw' | 'skip' = 'throw',
): AsyncGenerator<WalkedMonth> {
  for (const month of months) {
    const day = monthDay(month, rule);
    const loaded = reach === 'throw' ? await walk.load(day) : await walk.committed(day);
    yield { month, day, loaded };
  }
}

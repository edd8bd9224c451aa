/**
 * The month-by-month trend for the summary: for each of the months up to the
 * summary's, the ledger as it was committed on that month's summary day
 * (config.lead_report_day, end of day in the process's time zone), evaluated
 * on that day. Read from Git; outside a repository (or before the first
 * commit) only the current month is known.
 */
import type { Ledger } from '../../core/ledger.js';
import { shiftMonth, trendPoint, type TrendPoint } from '../../core/monthly-trend.js';
import { dayOfMonth } from '../../core/report-path.js';
import { isInsideWorkTree, runGit } from '../../io/git.js';
import { LedgerRevisions } from '../../io/ledger-revisions.js';

/** Months counted back from the summary's month, this one included. */
export const TREND_MONTHS = 6;

/**
 * Up to TREND_MONTHS points, oldest first, ending with `month` counted on `asOf` from the work tree
 * (`ledger`); earlier months only when the repository has a commit on or before their summary day.
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
  if (!(await isInsideWorkTree(root))) return points;
  const revisions = new LedgerRevisions(root);
  try {
    for (let back = 1; back < TREND_MONTHS; back++) {
      const earlier = shiftMonth(month, -back);
      const day = dayOfMonth(earlier, ledger.config.lead_report_day);
      const commit = await commitOn(root, day);
      if (!commit) break;
      const past = (await revisions.load(commit)).ledger;
      points.unshift(trendPoint(scope(past), earlier, day));
    }
  } finally {
    revisions.close();
  }
  return points;
}

/** The last commit of HEAD made on or before the end of `day`, if any. */
async function commitOn(root: string, day: string): Promise<string | undefined> {
  const out = await runGit(root, ['rev-list', '-1', `--before=${day} 23:59:59`, 'HEAD', '--'], '读取台账历史').catch(
    () => '',
  );
  return out.trim() || undefined;
}

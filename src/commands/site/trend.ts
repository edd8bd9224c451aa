import { lastDayOfMonth } from '../../core/deadline.js';
import { addMonth } from '../../core/report-path.js';
import { rollupByArea } from '../../core/rollup.js';
import type { SiteTrendPoint } from '../../core/site-model.js';
import { runGit } from '../../io/git.js';
import { LedgerRevisions } from '../../io/ledger-revisions.js';

/** At most this many month ends before the as-of month (two years of monthly meetings). */
export const TREND_MONTHS = 24;

/**
 * The figures at each month end before `asOf`'s month, from Git: the ledger as committed on the
 * first-parent line by the month's last day (committer date), evaluated on that day — what
 * `ledger status --as-of <that day>` shows for that version. Months before the first commit are left out.
 */
export async function siteTrend(root: string, asOf: string): Promise<SiteTrendPoint[]> {
  const log = await runGit(root, ['log', '--first-parent', '--format=%H %cI', 'HEAD'], '读取 Git 历史');
  const commits = log
    .split('\n')
    .filter(Boolean)
    .map((line) => ({
      hash: line.slice(0, line.indexOf(' ')),
      day: line.slice(line.indexOf(' ') + 1, line.indexOf(' ') + 11),
    }))
    .reverse();
  if (commits.length === 0) return [];
  const months: string[] = [];
  for (let m = commits[0]!.day.slice(0, 7); m < asOf.slice(0, 7); m = addMonth(m)) months.push(m);
  const revisions = new LedgerRevisions(root);
  const points: SiteTrendPoint[] = [];
  try {
    for (const month of months.slice(-TREND_MONTHS)) {
      const day = lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
      const commit = commits.filter((c) => c.day <= day).at(-1);
      if (!commit) continue;
      const { ledger } = await revisions.load(commit.hash);
      if (ledger.areas.length === 0) continue;
      points.push({ month, asOf: day, ...rollupByArea(ledger, day).total });
    }
  } finally {
    revisions.close();
  }
  return points;
}

import { REPORTS_DIR } from '../core/reports/report-path.js';
import { firstCommitsSync } from './git.js';

/**
 * When each file under reports/ first reached the repository (the committer
 * date of the commit that added it, as epoch milliseconds). Files not committed
 * yet are absent. Undefined when the root is not in a Git repository (or it has
 * no commits): then nobody can tell which report came first.
 */
export function reportArrivals(root: string): Map<string, number> | undefined {
  const first = firstCommitsSync(root, [REPORTS_DIR]);
  return first && new Map([...first].map(([file, commit]) => [file, Date.parse(commit.committed)]));
}

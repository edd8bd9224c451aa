import { execFileSync } from 'node:child_process';
import { REPORTS_DIR } from '../core/report-path.js';
import { gitEnv } from './git.js';

/**
 * When each file under reports/ first reached the repository (the committer
 * date of the commit that added it, as epoch milliseconds), from one
 * `git log --diff-filter=A`. Files not committed yet are absent. Undefined when
 * the root is not in a Git repository (or it has no commits): then nobody can
 * tell which report came first. Synchronous, because `ledger validate` is.
 */
export function reportArrivals(root: string): Map<string, number> | undefined {
  let out: string;
  try {
    out = execFileSync('git', ['log', '--reverse', '--diff-filter=A', '--no-renames', '--name-only', '-z', '--relative', '--pretty=format:\x1e%cI', '--', REPORTS_DIR], {
      cwd: root,
      encoding: 'utf8',
      env: gitEnv(),
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
  const arrived = new Map<string, number>();
  for (const chunk of out.split('\x1e')) {
    const newline = chunk.indexOf('\n');
    if (newline < 0) continue;
    const when = Date.parse(chunk.slice(0, newline));
    for (const name of chunk.slice(newline + 1).split('\0')) {
      const file = name.replace(/^\n+/, '');
      if (file && !arrived.has(file)) arrived.set(file, when);
    }
  }
  return arrived;
}

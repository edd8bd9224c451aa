import type { FirstCommit } from './git.js';
import { stampCode } from './ledger-cache.js';
import { cacheFile, STATE } from './state-dir.js';

/**
 * When each report file first reached the repository (git.ts `firstCommits` of reports/<month>),
 * kept in arrivals-cache.json in the state folder. The answer depends on HEAD only (the history
 * behind it never changes), so it is keyed on the HEAD commit: a new commit starts afresh, and
 * `ledger status` on an unchanged HEAD runs no git at all. Best effort, like every cache.
 */
export interface ArrivalCache {
  get(month: string): Map<string, FirstCommit> | undefined;
  set(month: string, commits: Map<string, FirstCommit>): void;
}

interface Stored {
  head: string;
  months: Record<string, Record<string, FirstCommit>>;
}

export function openArrivalCache(root: string, head: string, env: NodeJS.ProcessEnv = process.env): ArrivalCache {
  const file = cacheFile(root, STATE.arrivalsCache, env);
  const code = stampCode();
  const stored = file ? readStored(file.read(), code, head) : undefined;
  const months = stored?.months ?? {};
  return {
    get: (month) => (months[month] ? new Map(Object.entries(months[month])) : undefined),
    set(month, commits) {
      months[month] = Object.fromEntries(commits);
      file?.write(JSON.stringify({ code, head, months }));
    },
  };
}

function readStored(text: string | undefined, code: string, head: string): Stored | undefined {
  if (!text?.startsWith(`{"code":${JSON.stringify(code)},`)) return undefined;
  try {
    const stored = JSON.parse(text) as Partial<Stored>;
    return stored.head === head && stored.months && typeof stored.months === 'object'
      ? { head, months: stored.months }
      : undefined;
  } catch {
    return undefined;
  }
}

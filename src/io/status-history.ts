import { openLedger } from './ledger-repo.js';
import type { MeasureVersion } from '../core/review/measure-snapshot.js';
import { newestCommitFirst, statusChanges, type StatusChange } from '../core/review/status-log.js';
import { stampCode } from './ledger-cache.js';
import { ledgerCommits, walkCommits } from './measure-versions.js';
import { cacheFile, STATE, type CacheFile } from './state-dir.js';

/**
 * Every status change in the ledger's Git history (what `ledger log` shows before its filters), newest
 * first. The result is kept in log-cache.json in the state folder (state-dir.ts) with the commits it covers: a later run whose
 * history starts with those commits walks only the commits added since (a month's merge, not the 500
 * before it). A rewritten history, another tool version or LEDGER_CACHE=off walks everything again.
 * Only a ledger at the top of its git work tree is cached, as with the ledger cache.
 */
export interface StatusHistory {
  changes: StatusChange[];
  warnings: string[];
  noCommits?: boolean;
}

interface Cached {
  commits: string[];
  /** Oldest first. */
  changes: StatusChange[];
  warnings: string[];
  latest: [string, MeasureVersion][];
}

const FORMAT = 1;

export async function statusHistory(root: string, env: NodeJS.ProcessEnv = process.env): Promise<StatusHistory> {
  const commits = await ledgerCommits(root);
  if (!commits) return { changes: [], warnings: [], noCommits: true };
  const { timezone } = await openLedger(root).config();
  const file = cacheFile(root, STATE.logCache, env);
  const key = `${FORMAT} ${stampCode()} ${timezone}`;
  const hashes = commits.map((commit) => commit.hash);
  const cached = file ? readCache(file, key) : undefined;
  const reuse = cached && startsWith(hashes, cached.commits) ? cached : undefined;
  const walk = await walkCommits(
    root,
    commits.slice(reuse?.commits.length ?? 0),
    { summary: true },
    new Map(reuse?.latest ?? []),
  );
  const changes = [...(reuse?.changes ?? []), ...statusChanges(walk.events, timezone)];
  const warnings = [...(reuse?.warnings ?? []), ...walk.warnings];
  if (file && (!reuse || hashes.length > reuse.commits.length))
    writeCache(file, key, { commits: hashes, changes, warnings, latest: [...walk.latest] });
  return { changes: newestCommitFirst(changes), warnings };
}

function startsWith(list: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= list.length && prefix.every((hash, i) => list[i] === hash);
}

function readCache(file: CacheFile, key: string): Cached | undefined {
  try {
    const text = file.read();
    if (!text?.startsWith(`{"key":${JSON.stringify(key)},`)) return undefined;
    const parsed = JSON.parse(text) as { key?: unknown; data?: Cached };
    const data = parsed.data;
    return parsed.key === key && data && Array.isArray(data.commits) && Array.isArray(data.changes) ? data : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file: CacheFile, key: string, data: Cached): void {
  file.write(JSON.stringify({ key, data }));
}

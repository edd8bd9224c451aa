import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MeasureVersion } from '../core/measure-snapshot.js';
import { newestCommitFirst, statusChanges, type StatusChange } from '../core/status-log.js';
import { stampCode } from './ledger-cache.js';
import { ledgerCommits, walkCommits } from './measure-versions.js';

/**
 * Every status change in the ledger's Git history (what `ledger log` shows before its filters), newest
 * first. The result is kept in .git/ledger-log-cache.json with the commits it covers: a later run whose
 * history starts with those commits walks only the commits added since (a month's merge, not the 500
 * before it). A rewritten history, another tool version or LEDGER_CACHE=off walks everything again.
 * Only a ledger at the top of its git work tree is cached, as with .git/ledger-cache.json.
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
const CACHE_FILE = 'ledger-log-cache.json';

export async function statusHistory(root: string, env: NodeJS.ProcessEnv = process.env): Promise<StatusHistory> {
  const commits = await ledgerCommits(root);
  if (!commits) return { changes: [], warnings: [], noCommits: true };
  const file = cacheFile(root, env);
  const key = `${FORMAT} ${stampCode()}`;
  const hashes = commits.map((commit) => commit.hash);
  const cached = file ? readCache(file, key) : undefined;
  const reuse = cached && startsWith(hashes, cached.commits) ? cached : undefined;
  const walk = await walkCommits(
    root,
    commits.slice(reuse?.commits.length ?? 0),
    { summary: true },
    new Map(reuse?.latest ?? []),
  );
  const changes = [...(reuse?.changes ?? []), ...statusChanges(walk.events)];
  const warnings = [...(reuse?.warnings ?? []), ...walk.warnings];
  if (file && (!reuse || hashes.length > reuse.commits.length))
    writeCache(file, key, { commits: hashes, changes, warnings, latest: [...walk.latest] });
  return { changes: newestCommitFirst(changes), warnings };
}

function cacheFile(root: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.LEDGER_CACHE === 'off' || env.LEDGER_CACHE === '0') return undefined;
  const gitDir = path.join(root, '.git');
  try {
    return statSync(gitDir).isDirectory() ? path.join(gitDir, CACHE_FILE) : undefined;
  } catch {
    return undefined;
  }
}

function startsWith(list: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= list.length && prefix.every((hash, i) => list[i] === hash);
}

function readCache(file: string, key: string): Cached | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    if (!text.startsWith(`{"key":${JSON.stringify(key)},`)) return undefined;
    const parsed = JSON.parse(text) as { key?: unknown; data?: Cached };
    const data = parsed.data;
    return parsed.key === key && data && Array.isArray(data.commits) && Array.isArray(data.changes) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written is simply not there next time. */
function writeCache(file: string, key: string, data: Cached): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, JSON.stringify({ key, data }));
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}

import path from 'node:path';
import type { MeasureEvent, MeasureVersion } from '../core/review/measure-snapshot.js';
import { AreaMeasures, isAreaPath, type Measures } from './area-measures.js';
import {
  commitsTouching,
  gitPrefix,
  isNoCommits,
  type CommitChanges,
  type CommitInfo,
  type FileChange,
} from './git.js';
import { HistoryReader } from './history-reader.js';
import { LEDGER_DIR } from './ledger-root.js';
import { pushAll } from '../core/model/arrays.js';

export interface MeasureWalk {
  /** Oldest first. */
  events: MeasureEvent[];
  /** Versions that could not be read (invalid YAML), in Chinese. */
  warnings: string[];
  /** The repository has no commit yet: no history, which is not an error. */
  noCommits?: boolean;
}

export interface WalkOptions {
  /** Only this measure: files that cannot hold it are not parsed. */
  id?: string;
  /** Measures hold only title, units, status and whose reports (core/review/measure-summary.ts): what `ledger log` shows. */
  summary?: boolean;
}

/**
 * Walks every commit that changed an area file under ledger/ (renames followed
 * through the blob hashes of `git log --raw -M`) and returns each change of a
 * measure. All blobs are read through the history reader (one `git cat-file --batch`)
 * and each is parsed once.
 */
export async function walkMeasureChanges(root: string, options: WalkOptions = {}): Promise<MeasureWalk> {
  const commits = await ledgerCommits(root);
  if (!commits) return { events: [], warnings: [], noCommits: true };
  return walkCommits(root, commits, options);
}

/** Every commit that changed ledger/, oldest first, paths relative to the root; undefined before the first commit. */
export async function ledgerCommits(root: string): Promise<CommitChanges[] | undefined> {
  const prefix = await gitPrefix(root);
  try {
    return (await commitsTouching(root, [LEDGER_DIR])).map((commit) => relativeTo(commit, prefix));
  } catch (error) {
    if (isNoCommits(error)) return undefined;
    throw error;
  }
}

/**
 * The measure changes of `commits` (oldest first). `latest` — each measure's newest version seen so far,
 * which stands in for a version that is not valid YAML — is carried on, so a walk can resume where an
 * earlier one stopped.
 */
export async function walkCommits(
  root: string,
  commits: readonly CommitChanges[],
  options: WalkOptions = {},
  latest = new Map<string, MeasureVersion>(),
): Promise<MeasureWalk & { latest: Map<string, MeasureVersion> }> {
  const history = new HistoryReader(root);
  const blobs = new AreaMeasures(history, commits, { only: options.id, summary: options.summary });
  const events: MeasureEvent[] = [];
  const warnings: string[] = [];
  try {
    // The next window's blobs are asked for while this one is worked through (each blob parsed ends with a
    // turn of the event loop, see AreaMeasures), so git's output is read as it comes, not when the window ends.
    let ahead = handled(blobs.prefetch(commits.slice(0, PREFETCH)));
    for (let start = 0; start < commits.length; start += PREFETCH) {
      await ahead;
      ahead = handled(blobs.prefetch(commits.slice(start + PREFETCH, start + 2 * PREFETCH)));
      for (const commit of commits.slice(start, start + PREFETCH))
        pushAll(events, await commitEvents(commit, blobs, latest, warnings, options.id));
    }
    await ahead;
    blobs.save();
  } finally {
    history.close();
  }
  return { events, warnings, latest };
}

const PREFETCH = 64;

/** The promise, marked as handled: it fails where it is awaited, not as an unhandled rejection before. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

async function commitEvents(
  commit: CommitChanges,
  blobs: AreaMeasures,
  latest: Map<string, MeasureVersion>,
  warnings: string[],
  only?: string,
): Promise<MeasureEvent[]> {
  const before: Measures = new Map();
  const after: Measures = new Map();
  const unknownAfter = new Set<string>();
  for (const change of commit.files) {
    const oldPath = change.oldPath ?? change.path;
    if (change.oldBlob && isAreaPath(oldPath)) {
      const found = await blobs.measures(change.oldBlob, oldPath);
      if (found) addAll(before, found);
      else addAll(before, latestIn(latest, oldPath));
    }
    if (change.newRefused && isAreaPath(change.path)) {
      unknownAfter.add(change.path);
      const what = change.newRefused === 'submodule' ? '子模块' : '符号链接';
      warnings.push(`提交 ${commit.hash.slice(0, 7)} 中的 ${change.path} 是${what}，台账不读取它，这一版本已跳过`);
    }
    if (change.newBlob && isAreaPath(change.path)) {
      const found = await blobs.measures(change.newBlob, change.path);
      if (found) addAll(after, found);
      else {
        unknownAfter.add(change.path);
        warnings.push(`提交 ${commit.hash.slice(0, 7)} 中的 ${change.path} 不是有效的 YAML，这一版本已跳过`);
      }
    }
  }
  const events: MeasureEvent[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    if (only !== undefined && id !== only) continue;
    const was = before.get(id);
    const now = after.get(id);
    if (!now && was && unknownAfter.has(was.file)) continue;
    if (now) latest.set(id, now);
    if (was && now && was.file === now.file && blobs.sameMeasure(was.measure, now.measure)) continue;
    events.push({ commit: infoOf(commit), id, ...(was ? { before: was } : {}), ...(now ? { after: now } : {}) });
  }
  return events;
}

function latestIn(latest: Map<string, MeasureVersion>, file: string): Measures {
  return new Map([...latest].filter(([, version]) => version.file === file));
}

function addAll(target: Measures, source: Measures): void {
  for (const [id, version] of source) if (!target.has(id)) target.set(id, version);
}

function infoOf({ hash, author, email, date, subject }: CommitChanges): CommitInfo {
  return { hash, author, email, date, subject };
}

/** Paths from git are relative to the top of the work tree; make them relative to the ledger root. */
function relativeTo(commit: CommitChanges, prefix: string): CommitChanges {
  if (prefix === '') return commit;
  const strip = (file: string) => (file.startsWith(prefix) ? file.slice(prefix.length) : path.posix.join('..', file));
  const files = commit.files.map((f): FileChange => ({
    ...f,
    path: strip(f.path),
    ...(f.oldPath ? { oldPath: strip(f.oldPath) } : {}),
  }));
  return { ...commit, files };
}

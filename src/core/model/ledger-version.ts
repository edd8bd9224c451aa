/**
 * Which version of the ledger a day means. Pure: the commits and today are given.
 *
 * Rules:
 * - The ledger "as of D" is the last commit on the current branch's first-parent line whose commit
 *   time is on or before D 24:00 in the ledger's time zone (config `timezone`, default +08:00).
 * - D today or later: the work tree (uncommitted changes included).
 * - `--rev REV`: that revision, whatever the day.
 * - No Git repository, or no commit yet: the work tree, with a one-line note.
 * - D before the first commit or before the oldest commit of a shallow clone: an error, never a guess.
 * - History is read in commit order: an older commit dated after D (a clock set wrong, a rebase)
 *   does not lock the day out; its change counts, and the version names it as a warning.
 */
import { dayAtOffset, endOfDayAt } from './calendar.js';

export interface LineCommit {
  hash: string;
  /** Committer time, epoch seconds. */
  committed: number;
  /** Author time, epoch seconds. */
  authored: number;
  subject: string;
}

export interface LedgerVersion {
  source: 'worktree' | 'commit';
  /** Full hash, for a commit. */
  commit?: string;
  /** Commit day in the ledger's time zone (YYYY-MM-DD). */
  date?: string;
  subject?: string;
  /** Why the work tree was used for a past day. */
  note?: string;
  /** 台账版本：2020-07-24 提交 1a2b3c4（合并 2020-07 报送） */
  label: string;
  /** An older commit dated after the day, counted in commit order. */
  outOfOrder?: { commit: string; date: string };
}

export type VersionPick =
  /** `outOfOrder`: an older commit whose commit time is after the day. */
  { kind: 'commit'; commit: LineCommit; outOfOrder?: LineCommit } | { kind: 'before-first'; first: LineCommit };

/** Epoch seconds of the end of `day` (24:00, i.e. the next day 00:00) at UTC offset `timezone`. */
export function endOfDay(day: string, timezone: string): number {
  return endOfDayAt(day, timezone);
}

/** The calendar day of an epoch time at a UTC offset. */
export function dayAt(epochSeconds: number, timezone: string): string {
  return dayAtOffset(epochSeconds, timezone);
}

/** The day, in the ledger's time zone, of an ISO 8601 time with any offset (a committer date). */
export function commitDay(iso: string, timezone: string): string {
  return dayAt(Math.floor(Date.parse(iso) / 1000), timezone);
}

/**
 * The commit the ledger was at by the end of `day`. `line` is the first-parent line, newest first.
 * The day must split the line cleanly: every commit after the pick is later, every one before it
 * is not (else the history was rewritten and no answer is trustworthy).
 */
export function pickCommit(line: readonly LineCommit[], day: string, timezone: string): VersionPick {
  const end = endOfDay(day, timezone);
  const index = line.findIndex((c) => c.committed <= end);
  if (index < 0) return { kind: 'before-first', first: line[line.length - 1]! };
  const later = line.slice(index + 1).find((c) => c.committed > end);
  return later ? { kind: 'commit', commit: line[index]!, outOfOrder: later } : { kind: 'commit', commit: line[index]! };
}

export function commitVersion(commit: LineCommit, timezone: string): LedgerVersion {
  const date = dayAt(commit.committed, timezone);
  const subject = commit.subject.length > 60 ? `${commit.subject.slice(0, 60)}…` : commit.subject;
  return {
    source: 'commit',
    commit: commit.hash,
    date,
    subject: commit.subject,
    label: `台账版本：${date} 提交 ${commit.hash.slice(0, 7)}${subject ? `（${subject}）` : ''}`,
  };
}

export function worktreeVersion(note?: string): LedgerVersion {
  return note
    ? { source: 'worktree', note, label: `台账版本：工作区（${note}）` }
    : { source: 'worktree', label: '台账版本：工作区（含未提交的修改）' };
}

/**
 * When each commit of the first-parent line (newest first) landed: its commit time, but never before
 * an older commit's (a commit dated before its parent cannot have arrived first), and a commit dated
 * after `now` holds back nothing (it landed no earlier than its parent). Epoch seconds by hash.
 */
export function landedTimes(line: readonly LineCommit[], now: number): Map<string, number> {
  const landed = new Map<string, number>();
  let latest = -Infinity;
  for (let i = line.length - 1; i >= 0; i--) {
    const commit = line[i]!;
    if (commit.committed <= now) latest = Math.max(latest, commit.committed);
    landed.set(commit.hash, Number.isFinite(latest) ? latest : commit.committed);
  }
  return landed;
}

import type { LineCommit } from '../core/model/ledger-version.js';
import type { OverdueSchedule } from '../core/rules/remembered-lights.js';
import { stampCode } from './ledger-cache.js';
import { cacheFile, STATE, type CacheFile } from './state-dir.js';

/**
 * Overdue schedules of past versions (core/rules/remembered-lights.ts) kept in lights-cache.json in the state folder,
 * so that `ledger status` does not parse last month's ledger again on every run. A commit never
 * changes, so its schedule is keyed on the commit (and the scope it was narrowed to) and on the
 * tool's code, nothing else. Best effort, like the ledger cache: a file that cannot be read or
 * written is simply not there; LEDGER_CACHE=off turns it off.
 */
export interface ScheduleCache {
  get(commit: string): OverdueSchedule | undefined;
  set(commit: string, schedule: OverdueSchedule): void;
  /** The first-parent line last listed, when HEAD is still the commit it was listed from. */
  line(head: string): LineCommit[] | undefined;
  setLine(head: string, line: LineCommit[]): void;
  /** Writes what was added (atomically), if anything. */
  save(): void;
}

/** Versions kept: two years of month ends. */
const KEEP = 24;

export function openScheduleCache(root: string, scope: string, env: NodeJS.ProcessEnv = process.env): ScheduleCache {
  const file = cacheFile(root, STATE.lightsCache, env);
  const code = stampCode();
  const read = file ? readStored(file, code) : { schedules: {} };
  const stored = read.schedules;
  let line = read.line;
  let changed = false;
  const key = (commit: string) => `${commit}\0${scope}`;
  return {
    get: (commit) => stored[key(commit)],
    set: (commit, schedule) => {
      stored[key(commit)] = schedule;
      changed = true;
    },
    line: (head) => (line?.head === head ? line.commits : undefined),
    setLine: (head, commits) => {
      // Subjects are not kept: the lights need the times and hashes only.
      line = { head, commits: commits.map((c) => ({ ...c, subject: '' })) };
      changed = true;
    },
    save: () => {
      if (!file || !changed) return;
      const kept = Object.fromEntries(Object.entries(stored).slice(-KEEP));
      file.write(JSON.stringify({ code, schedules: kept, line }));
    },
  };
}

interface Stored {
  schedules: Record<string, OverdueSchedule>;
  line?: { head: string; commits: LineCommit[] };
}

function readStored(file: CacheFile, code: string): Stored {
  try {
    const text = file.read();
    if (!text?.startsWith(`{"code":${JSON.stringify(code)},`)) return { schedules: {} };
    const stored = JSON.parse(text) as Partial<Stored>;
    return { schedules: stored.schedules ?? {}, line: stored.line };
  } catch {
    return { schedules: {} };
  }
}

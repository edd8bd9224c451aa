import type { LineCommit } from '../core/model/ledger-version.js';
import type { OverdueSchedule } from '../core/rules/remembered-lights.js';
import { stampCode } from './ledger-cache.js';
import { cacheFile, STATE, type CacheFile } from './state-dir.js';

/**
 * What the lights remember of past versions (core/rules/remembered-lights.ts), kept in lights-cache.json
 * in the state folder, so that `ledger status` does not parse past ledgers again on every run. A commit
 * never changes, so everything is keyed on the commit (and the scope it was narrowed to) and on the
 * tool's code, nothing else:
 * - the whole overdue schedule, only of the few versions a previous month end stood for (what was
 *   overdue then decides 补齐; a province-sized schedule is ~0.6 MB);
 * - the red rows of every month end counted back (a streak needs no more; a few hundred bytes each).
 * Best effort, like the ledger cache: a file that cannot be read or written is simply not there;
 * LEDGER_CACHE=off turns it off.
 */
export interface ScheduleCache {
  get(commit: string): OverdueSchedule | undefined;
  set(commit: string, schedule: OverdueSchedule): void;
  /** The red rows of the month end `day` as the version `commit` stood for it. */
  red(commit: string, day: string): string[] | undefined;
  setRed(commit: string, day: string, rows: readonly string[]): void;
  /** The first-parent line last listed, when HEAD is still the commit it was listed from. */
  line(head: string): LineCommit[] | undefined;
  setLine(head: string, line: LineCommit[]): void;
  /** Writes what was added (atomically), if anything. */
  save(): void;
}

/** Whole schedules kept: the previous month end's, with room for a few scopes (summary --lead, --area). */
const KEEP_SCHEDULES = 4;
/** Red rows kept: three years of month ends (light-memory's MAX_MONTHS) for several scopes. */
const KEEP_REDS = 400;

export function openScheduleCache(root: string, scope: string, env: NodeJS.ProcessEnv = process.env): ScheduleCache {
  const file = cacheFile(root, STATE.lightsCache, env);
  const code = stampCode();
  const read = file ? readStored(file, code) : { schedules: {}, reds: {} };
  const stored = read.schedules;
  const reds = read.reds;
  let line = read.line;
  let changed = false;
  const key = (commit: string) => `${commit}\0${scope}`;
  return {
    get: (commit) => stored[key(commit)],
    set: (commit, schedule) => {
      if (stored[key(commit)]) return;
      stored[key(commit)] = schedule;
      changed = true;
    },
    red: (commit, day) => reds[`${key(commit)}\0${day}`],
    setRed: (commit, day, rows) => {
      if (reds[`${key(commit)}\0${day}`]) return;
      reds[`${key(commit)}\0${day}`] = [...rows];
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
      const schedules = Object.fromEntries(Object.entries(stored).slice(-KEEP_SCHEDULES));
      const keptReds = Object.fromEntries(Object.entries(reds).slice(-KEEP_REDS));
      file.write(JSON.stringify({ code, schedules, reds: keptReds, line }));
    },
  };
}

interface Stored {
  schedules: Record<string, OverdueSchedule>;
  reds: Record<string, string[]>;
  line?: { head: string; commits: LineCommit[] };
}

function readStored(file: CacheFile, code: string): Stored {
  try {
    const text = file.read();
    if (!text?.startsWith(`{"code":${JSON.stringify(code)},`)) return { schedules: {}, reds: {} };
    const stored = JSON.parse(text) as Partial<Stored>;
    return { schedules: stored.schedules ?? {}, reds: stored.reds ?? {}, line: stored.line };
  } catch {
    return { schedules: {}, reds: {} };
  }
}

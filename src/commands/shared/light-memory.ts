/**
 * The month ends that lights remember (core/remembered-lights.ts), each read from Git as committed
 * by the end of that day (the same pick as `--as-of`, core/ledger-version.ts), so a past day's
 * lights are reproducible.
 *
 * Cost: one `git rev-list` asks whether anything was committed by the previous month end; without
 * such a commit (no repository, no commits, a ledger committed later) nothing else runs. Otherwise
 * the first-parent line is listed once and each month end back from there is mapped to its commit;
 * each commit's overdue schedule comes from .git/ledger-lights-cache.json (io/schedule-cache.ts)
 * or, the first time, from parsing that version (one LedgerHistory: one `git cat-file --batch`,
 * each file parsed once per blob) — only then are yaml and zod loaded. The walk stops as soon as
 * no row red on the day was red at every month end so far, or history does not reach further
 * (before the first commit, a shallow clone's end, a rewritten stretch, a version without ledger/).
 */
import type { Ledger } from '../../core/ledger.js';
import { commitVersion, dayAt, endOfDay, pickCommit, type LineCommit } from '../../core/ledger-version.js';
import {
  monthEndState,
  overdueSchedule,
  previousMonthEnd,
  type LightMemory,
  type MonthEnd,
  type OverdueSchedule,
} from '../../core/remembered-lights.js';
import { firstParentLine, runGit } from '../../io/git.js';
import type { LedgerHistory } from '../../io/ledger-history.js';
import { openScheduleCache } from '../../io/schedule-cache.js';

/** Month ends counted back at most this far (a streak of three years says enough). */
const MAX_MONTHS = 36;

export interface LightMemoryOptions {
  today?: string;
  /** Narrows each past ledger as the current one was narrowed (summary --lead, --area), and its name. */
  scope?: { name: string; apply: (past: Ledger) => Ledger };
}

/** What the month ends before `day` remember for `ledger` (the ledger evaluated on `day`). */
export async function lightMemory(
  root: string,
  ledger: Ledger,
  day: string,
  options: LightMemoryOptions = {},
): Promise<LightMemory> {
  const timezone = ledger.config.timezone;
  const first = previousMonthEnd(day);
  const today = options.today ?? dayAt(Math.floor(Date.now() / 1000), timezone);
  if (first >= today || !(await committedBy(root, first, timezone))) return [];
  const line = await firstParentLine(root).catch(() => undefined);
  if (!line) return [];
  let open = monthEndState(overdueSchedule(ledger, day), day).red;
  const past = new PastSchedules(root, line, timezone, options.scope);
  const ends: MonthEnd[] = [];
  try {
    for (let end = first; ends.length < MAX_MONTHS; end = previousMonthEnd(end)) {
      const schedule = await past.at(end);
      if (!schedule) break;
      const state = monthEndState(schedule, end);
      ends.push(state);
      open = new Set([...open].filter((key) => state.red.has(key)));
      if (open.size === 0) break;
    }
  } finally {
    past.close();
  }
  return ends;
}

/** Overdue schedules of the versions month ends stand for: from the cache, else parsed once. */
class PastSchedules {
  private history: LedgerHistory | undefined;
  private readonly cache;

  constructor(
    private readonly root: string,
    private readonly line: LineCommit[],
    private readonly timezone: string,
    private readonly scope: LightMemoryOptions['scope'],
  ) {
    this.cache = openScheduleCache(root, scope?.name ?? '');
  }

  /** The schedule of the version committed by the end of `day`; undefined where history does not reach. */
  async at(day: string): Promise<OverdueSchedule | undefined> {
    const pick = pickCommit(this.line, day, this.timezone);
    if (pick.kind !== 'commit') return undefined;
    const known = this.cache.get(pick.commit.hash);
    if (known) return known;
    const { LedgerHistory } = await import('../../io/ledger-history.js');
    this.history ??= new LedgerHistory(this.root);
    try {
      const loaded = await this.history.load(commitVersion(pick.commit, this.timezone));
      const schedule = overdueSchedule(this.scope ? this.scope.apply(loaded.ledger) : loaded.ledger, day);
      this.cache.set(pick.commit.hash, schedule);
      return schedule;
    } catch (error) {
      // A version without ledger/ (before the ledger was set up) or a missing object: nothing to remember.
      if ((error as { name?: string }).name === 'GitError') return undefined;
      throw error;
    }
  }

  close(): void {
    this.history?.close();
    this.cache.save();
  }
}

/** Whether the first-parent line has a commit by the end of `day` (false outside Git or without commits). */
async function committedBy(root: string, day: string, timezone: string): Promise<boolean> {
  const before = `--before=@${endOfDay(day, timezone)}`;
  const out = await runGit(root, ['rev-list', '-1', '--first-parent', before, 'HEAD', '--'], '读取台账历史').catch(
    () => '',
  );
  return out.trim() !== '';
}

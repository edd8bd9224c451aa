/**
 * The month ends that lights remember (core/rules/remembered-lights.ts), each read from Git as committed
 * by the end of that day (the same pick as `--as-of`, core/model/ledger-version.ts), so a past day's
 * lights are reproducible.
 *
 * Cost: while HEAD (read from .git, no git process) is the commit the cache last saw, no git runs
 * at all; otherwise the first-parent line is listed once (and cached with that HEAD). Without a
 * commit by the previous month end (no repository, no commits, a ledger committed later) nothing
 * else runs. Each month end back from there is mapped to its commit;
 * the previous month end's overdue schedule and every older month end's red rows come from
 * .git/ledger/lights-cache.json (io/schedule-cache.ts) or, the first time, from parsing that version (one LedgerHistory: one `git cat-file --batch`,
 * each file parsed once per blob) — only then are yaml and zod loaded. The walk stops as soon as
 * no row red on the day was red at every month end so far, or history does not reach further
 * (before the first commit, a shallow clone's end, a rewritten stretch, a version without ledger/).
 */
import { previousMonthEnd } from '../../core/model/calendar.js';
import type { Ledger } from '../../core/model/ledger.js';
import { commitVersion, endOfDay, pickCommit, type LineCommit } from '../../core/model/ledger-version.js';
import {
  monthEndState,
  overdueSchedule,
  type LightMemory,
  type MonthEnd,
  type OverdueSchedule,
} from '../../core/rules/remembered-lights.js';
import { firstParentLine } from '../../io/git.js';
import { readHeadCommit, UNBORN } from '../../io/head-commit.js';
import type { LedgerRepo } from '../../io/ledger-repo.js';
import { openScheduleCache, type ScheduleCache } from '../../io/schedule-cache.js';

/** Month ends counted back at most this far (a streak of three years says enough). */
const MAX_MONTHS = 36;

export interface LightMemoryOptions {
  /** Narrows each past ledger as the current one was narrowed (summary --lead, --area), and its name. */
  scope?: { name: string; apply: (past: Ledger) => Ledger };
}

/** What the month ends before `day` remember for `ledger` (the ledger evaluated on `day`). */
export async function lightMemory(
  repo: LedgerRepo,
  ledger: Ledger,
  day: string,
  options: LightMemoryOptions = {},
): Promise<LightMemory> {
  const timezone = ledger.config.timezone;
  const first = previousMonthEnd(day);
  if (first >= (await repo.today())) return [];
  const root = repo.root;
  const cache = openScheduleCache(root, options.scope?.name ?? '');
  const past = new PastSchedules(repo, cache, timezone, options.scope);
  const ends: MonthEnd[] = [];
  try {
    const line = await lineOf(root, cache);
    if (!line || !line.some((c) => c.committed < endOfDay(first, timezone))) return [];
    let open = monthEndState(overdueSchedule(ledger, day), day).red;
    for (let end = first; ends.length < MAX_MONTHS; end = previousMonthEnd(end)) {
      const state = await past.at(line, end, ends.length === 0);
      if (!state) break;
      ends.push(state);
      open = new Set([...open].filter((key) => state.red.has(key)));
      if (open.size === 0) break;
    }
  } finally {
    past.close();
  }
  return ends;
}

/**
 * The first-parent line: from the cache while HEAD (read from .git without git) is the commit it was
 * listed from, else listed by git. Undefined outside Git or without commits.
 */
async function lineOf(root: string, cache: ScheduleCache): Promise<LineCommit[] | undefined> {
  const head = readHeadCommit(root);
  if (head === UNBORN) return undefined;
  const known = head === undefined ? undefined : cache.line(head);
  if (known) return known;
  const line = await firstParentLine(root).catch(() => undefined);
  if (head !== undefined && line && line[0]?.hash === head) cache.setLine(head, line);
  return line;
}

/** Overdue schedules of the versions month ends stand for: from the cache, else parsed once. */
class PastSchedules {
  constructor(
    private readonly repo: LedgerRepo,
    private readonly cache: ScheduleCache,
    private readonly timezone: string,
    private readonly scope: LightMemoryOptions['scope'],
  ) {}

  /**
   * The month end `day` as the version committed by its end stood for it; undefined where history does
   * not reach. Only the first (the previous month end) keeps what was overdue: older ones need their
   * red rows alone, which is all the cache keeps of them.
   */
  async at(line: LineCommit[], day: string, whole: boolean): Promise<MonthEnd | undefined> {
    const pick = pickCommit(line, day, this.timezone);
    if (pick.kind !== 'commit') return undefined;
    const hash = pick.commit.hash;
    const red = whole ? undefined : this.cache.red(hash, day);
    if (red) return { day, overdue: new Set(), red: new Set(red) };
    const schedule = this.cache.get(hash) ?? (await this.parsed(pick.commit, day));
    if (!schedule) return undefined;
    if (whole) this.cache.set(hash, schedule);
    const state = monthEndState(schedule, day);
    this.cache.setRed(hash, day, [...state.red]);
    return whole ? state : { day, overdue: new Set(), red: state.red };
  }

  /** The overdue schedule of a commit's version, parsed (one LedgerHistory); undefined without ledger/. */
  private async parsed(commit: LineCommit, day: string): Promise<OverdueSchedule | undefined> {
    try {
      const loaded = await (await this.repo.history()).load(commitVersion(commit, this.timezone));
      return overdueSchedule(this.scope ? this.scope.apply(loaded.ledger) : loaded.ledger, day);
    } catch (error) {
      // A version without ledger/ (before the ledger was set up) or a missing object: nothing to remember.
      if ((error as { name?: string }).name === 'GitError') return undefined;
      throw error;
    }
  }

  close(): void {
    this.cache.save();
  }
}

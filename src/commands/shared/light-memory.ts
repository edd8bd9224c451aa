/**
 * The month ends that lights remember (core/remembered-lights.ts), each read from Git as committed
 * by the end of that day, like `--as-of`, so a past day's lights are reproducible.
 *
 * Cost: one `git rev-list` asks whether anything was committed by the previous month end; without
 * such a commit (no repository, no commits, a ledger committed later) nothing else runs. Otherwise
 * one VersionWalk reads the month ends back from there — each version once, each file parsed once
 * per blob — and stops as soon as no row red on the day was red at every month end so far. Reading
 * past versions parses their YAML, so on a repository with history `status` then loads yaml and zod
 * even with a warm cache (the work tree's ledger still comes from the cache).
 */
import type { Ledger } from '../../core/ledger.js';
import { endOfDay } from '../../core/ledger-version.js';
import {
  monthEndState,
  previousMonthEnd,
  redRows,
  type LightMemory,
  type MonthEnd,
} from '../../core/remembered-lights.js';
import { evaluateLedger } from '../../core/rollup.js';
import { runGit } from '../../io/git.js';

/** Month ends counted back at most this far (a streak of three years says enough). */
const MAX_MONTHS = 36;

export interface LightMemoryOptions {
  today?: string;
  /** Narrows each past ledger as the current one was narrowed (summary --lead, --area). */
  scope?: (past: Ledger) => Ledger;
}

/** What the month ends before `day` remember for `ledger` (the ledger evaluated on `day`). */
export async function lightMemory(
  root: string,
  ledger: Ledger,
  day: string,
  options: LightMemoryOptions = {},
): Promise<LightMemory> {
  const first = previousMonthEnd(day);
  if (!(await committedBy(root, first, ledger.config.timezone))) return [];
  const { VersionWalk } = await import('../../io/version-walk.js');
  let open = redRows(ledger, day, evaluateLedger(ledger, day));
  const ends: MonthEnd[] = [];
  const walk = new VersionWalk(root, { today: options.today });
  try {
    for (let end = first; ends.length < MAX_MONTHS; end = previousMonthEnd(end)) {
      const past = await walk.committed(end);
      if (past?.version.source !== 'commit') break;
      const state = monthEndState(options.scope ? options.scope(past.ledger) : past.ledger, end);
      ends.push(state);
      open = new Set([...open].filter((key) => state.red.has(key)));
      if (open.size === 0) break;
    }
  } finally {
    walk.close();
  }
  return ends;
}

/** Whether the first-parent line has a commit by the end of `day` (false outside Git or without commits). */
async function committedBy(root: string, day: string, timezone: string): Promise<boolean> {
  const before = `--before=@${endOfDay(day, timezone)}`;
  const out = await runGit(root, ['rev-list', '-1', '--first-parent', before, 'HEAD', '--'], '读取台账历史').catch(
    () => '',
  );
  return out.trim() !== '';
}

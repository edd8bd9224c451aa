import type { Ledger } from '../../core/model/ledger.js';
import type { TrendFilter, TrendGrouping, TrendResult } from '../../core/summaries/trend.js';
import { onLedgerDay } from '../../io/ledger-repo.js';
import { ledgerTrend } from '../../io/ledger-trend.js';
import { resolveAreaOption } from '../shared/resolve-area-option.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';

export type { LedgerVersion } from '../../core/model/ledger-version.js';

export interface TrendOptions {
  root: string;
  cwd?: string;
  /** The last day: its month is the last month; default today in the ledger's time zone. */
  asOf?: string;
  /** First and last month (YYYY-MM); default from the first report or the first deadline to the as-of month. */
  from?: string;
  to?: string;
  by?: TrendGrouping;
  area?: string;
  unit?: string;
  lead?: string;
  /** Evaluate today's work tree at every month end (deadlines only) instead of each month's version. */
  worktree?: boolean;
}

/** The state at each month end, read from the Git history in one month walk. */
export function trend(options: TrendOptions): Promise<TrendResult> {
  return onLedgerDay(options, (repo, dated) =>
    ledgerTrend(repo, { ...dated, by: options.by ?? 'total', filter: (latest) => resolveFilter(latest, options) }),
  );
}

function resolveFilter(ledger: Ledger, options: TrendOptions): TrendFilter {
  const filter: TrendFilter = {};
  if (options.area !== undefined)
    filter.area = resolveAreaOption(
      ledger.areas.map((a) => a.data),
      options.area,
    );
  if (options.unit !== undefined) filter.unit = resolveUnitOption(ledger.units, options.unit, '--unit');
  if (options.lead !== undefined) filter.lead = resolveUnitOption(ledger.units, options.lead, '--lead');
  return filter;
}

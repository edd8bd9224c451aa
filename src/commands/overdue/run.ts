import { countBySeverity } from '../../core/model/diagnostic.js';
import { evaluateLedger, sortByUrgency, unitObligations, type MeasureItem } from '../../core/rules/rollup.js';
import type { LedgerVersion } from '../../core/model/ledger-version.js';
import { onLedgerDay, type LedgerRepo } from '../../io/ledger-repo.js';
import { resolveAreaOption } from '../shared/resolve-area-option.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';

export interface OverdueOptions {
  root: string;
  cwd?: string;
  /** The day; default today in the ledger's time zone. */
  asOf?: string;
  /** Evaluate this Git revision instead of the ledger as of `asOf`. */
  rev?: string;
  /** Evaluate the work tree whatever `asOf` is. */
  worktree?: boolean;
  /** Only this unit's own parts (directly or through a group) that it has not finished. */
  unit?: string;
  /** Only measures this unit leads. */
  lead?: string;
  /** Only this area: its number, or a part of its title. */
  area?: string;
  /** Also list measures due within this many days. */
  within?: number;
}

export interface OverdueResult {
  asOf: string;
  /** Which version of the ledger was evaluated. */
  version: LedgerVersion;
  within?: number;
  escalationDays: number;
  /** Overdue first (most days first), then due soon (nearest first). */
  items: MeasureItem[];
  overdue: number;
  escalated: number;
  dueSoon: number;
  problems: number;
  filters: { unit?: string; lead?: string; area?: number };
}

/** The overdue measures on `asOf`, and with `within` the ones due soon too. */
export function overdue(options: OverdueOptions): Promise<OverdueResult> {
  return onLedgerDay(options, overdueOn);
}

async function overdueOn(repo: LedgerRepo, options: OverdueOptions & { asOf: string }): Promise<OverdueResult> {
  const { ledger, diagnostics, version } = await repo.version(options);
  const unit = options.unit === undefined ? undefined : resolveUnitOption(ledger.units, options.unit, '--unit');
  const lead = options.lead === undefined ? undefined : resolveUnitOption(ledger.units, options.lead, '--lead');
  const area =
    options.area === undefined
      ? undefined
      : resolveAreaOption(
          ledger.areas.map((a) => a.data),
          options.area,
        );
  const within = options.within;
  const evaluate = { dueSoonDays: within ?? 0 };
  // With --unit, the unit's own parts: overdue only where the unit itself has not finished.
  const scope =
    unit === undefined
      ? evaluateLedger(ledger, options.asOf, evaluate)
      : unitObligations(ledger, options.asOf, unit, evaluate);
  const items = scope.filter(
    (item) =>
      (item.state.overdue || (within !== undefined && item.state.dueSoon)) &&
      (lead === undefined || item.leads.includes(lead)) &&
      (area === undefined || item.area === area),
  );
  return {
    asOf: options.asOf,
    version,
    within,
    escalationDays: ledger.config.escalation_days,
    items: sortByUrgency(items),
    overdue: items.filter((i) => i.state.overdue).length,
    escalated: items.filter((i) => i.state.escalated).length,
    dueSoon: items.filter((i) => i.state.dueSoon).length,
    problems: countBySeverity(diagnostics).errors,
    filters: { unit, lead, area },
  };
}

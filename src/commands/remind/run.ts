import type { Diagnostic } from '../../core/model/diagnostic.js';
import { daysBetween } from '../../core/model/calendar.js';
import { scopeLedger } from '../../core/rules/ledger-scope.js';
import { buildReminders, type UnitReminder } from '../../core/rules/reminders.js';
import type { LedgerVersion } from '../../core/model/ledger-version.js';
import { onLedgerDay, type LedgerRepo } from '../../io/ledger-repo.js';
import { gatherReportCounts } from '../../io/report-counts.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';

export interface RemindOptions {
  root: string;
  cwd?: string;
  /** The day: the ledger as committed by its end, and the reports that had arrived; default today. */
  asOf?: string;
  /** The report month; default the month of `asOf`. */
  month?: string;
  unit?: string;
  /** Only the tasks this unit leads, and their units. */
  lead?: string;
  within?: number;
  /** Evaluate this Git revision instead of the ledger as of `asOf`. */
  rev?: string;
  /** Evaluate the work tree whatever `asOf` is. */
  worktree?: boolean;
}

export interface RemindResult {
  diagnostics: Diagnostic[];
  asOf: string;
  month: string;
  lead?: string;
  /** Which version of the ledger the reminders come from (absent when errors stopped them). */
  version?: LedgerVersion;
  reminders: (UnitReminder & { daysLate?: number })[];
}

/** Reminders for each unit on `asOf`: the month's missing report, its own overdue parts and parts due soon. */
export function remind(options: RemindOptions): Promise<RemindResult> {
  return onLedgerDay(options, remindOn);
}

async function remindOn(repo: LedgerRepo, options: RemindOptions & { asOf: string }): Promise<RemindResult> {
  const month = options.month ?? options.asOf.slice(0, 7);
  const base = { asOf: options.asOf, month, reminders: [] };
  const loaded = await repo.valid(options, '生成提醒');
  if (!loaded.ledger) return { ...base, diagnostics: loaded.diagnostics };
  const lead = options.lead === undefined ? undefined : resolveUnitOption(loaded.ledger.units, options.lead, '--lead');
  const unit = options.unit === undefined ? undefined : resolveUnitOption(loaded.ledger.units, options.unit, '--unit');
  const ledger = scopeLedger(loaded.ledger, { lead });
  const reports = await gatherReportCounts(options.root, ledger, month, options.asOf, loaded.reportFiles);
  const reminders = buildReminders(ledger, options.asOf, reports, { unit, within: options.within }).map((r) => {
    const late = r.missingReport ? daysBetween(r.missingReport.due, options.asOf) : 0;
    return late > 0 ? { ...r, daysLate: late } : r;
  });
  return { ...base, diagnostics: [], ...(lead ? { lead } : {}), version: loaded.version, reminders };
}

import type { Diagnostic } from '../../core/diagnostic.js';
import { daysBetween } from '../../core/evaluate.js';
import { scopeLedger } from '../../core/ledger-scope.js';
import { buildReminders, type UnitReminder } from '../../core/reminders.js';
import { gatherReportCounts } from '../missing/run.js';
import { loadValidLedger } from '../render/run.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';

export interface RemindOptions {
  root: string;
  cwd?: string;
  asOf: string;
  /** The report month; default the month of `asOf`. */
  month?: string;
  unit?: string;
  /** Only the tasks this unit leads, and their units. */
  lead?: string;
  within?: number;
}

export interface RemindResult {
  diagnostics: Diagnostic[];
  asOf: string;
  month: string;
  lead?: string;
  reminders: (UnitReminder & { daysLate?: number })[];
}

/** Reminders for each unit on `asOf`: the month's missing report, its own overdue parts and parts due soon. */
export async function remind(options: RemindOptions): Promise<RemindResult> {
  const month = options.month ?? options.asOf.slice(0, 7);
  const base = { asOf: options.asOf, month, reminders: [] };
  const loaded = loadValidLedger(options.root, '生成提醒');
  if (!loaded.ledger) return { ...base, diagnostics: loaded.diagnostics };
  const lead = options.lead === undefined ? undefined : resolveUnitOption(loaded.ledger.units, options.lead, '--lead');
  const unit = options.unit === undefined ? undefined : resolveUnitOption(loaded.ledger.units, options.unit, '--unit');
  const ledger = scopeLedger(loaded.ledger, { lead });
  const reports = await gatherReportCounts(options.root, ledger, month, options.asOf);
  const reminders = buildReminders(ledger, options.asOf, reports, { unit, within: options.within }).map((r) => {
    const late = r.missingReport ? daysBetween(r.missingReport.due, options.asOf) : 0;
    return late > 0 ? { ...r, daysLate: late } : r;
  });
  return { ...base, diagnostics: [], ...(lead ? { lead } : {}), reminders };
}

import type { Diagnostic } from '../core/diagnostic.js';
import type { Ledger } from '../core/ledger.js';
import { checkReports } from '../core/report-checks.js';
import { loadReports } from '../io/load-reports.js';

export interface ReportValidation {
  diagnostics: Diagnostic[];
  /** Report files checked. */
  files: number;
}

/** Every file under reports/ checked on its own and against the ledger (what `ledger validate` adds for reports). */
export function validateReports(root: string, ledger: Ledger, asOf: string): ReportValidation {
  const loaded = loadReports(root, ledger);
  return { diagnostics: [...loaded.diagnostics, ...checkReports(ledger, loaded.reports, { asOf })], files: loaded.files.length };
}


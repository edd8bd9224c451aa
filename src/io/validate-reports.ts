import { existsIn } from './ledger-root.js';
import type { Diagnostic } from '../core/model/diagnostic.js';
import type { Ledger } from '../core/model/ledger.js';
import { checkReports, type ReportSource } from '../core/reports/report-checks.js';
import { lateReports, olderThanMerged } from '../core/reports/report-stale.js';
import { loadReports } from './load-reports.js';
import { reportArrivals } from './report-arrivals.js';
import { pushAll } from '../core/model/arrays.js';

export interface ReportValidation {
  diagnostics: Diagnostic[];
  /** Report files checked. */
  files: number;
  /** The reports that passed the schema. */
  reports: ReportSource[];
}

/** Every file under reports/ checked on its own and against the ledger (what `ledger validate` adds for reports). */
export function validateReports(root: string, ledger: Ledger, asOf: string): ReportValidation {
  const loaded = loadReports(root, ledger);
  const diagnostics = [
    ...loaded.diagnostics,
    ...checkReports(ledger, loaded.reports, { asOf, fileExists: existsIn(root) }),
  ];
  // Git is asked only when some report is older than what is merged for its unit.
  const older = olderThanMerged(ledger, loaded.reports);
  const arrived = older.length > 0 ? reportArrivals(root) : undefined;
  if (arrived) pushAll(diagnostics, lateReports(older, arrived));
  return { diagnostics, files: loaded.files.length, reports: loaded.reports };
}

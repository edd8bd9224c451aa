import path from 'node:path';
import { LEDGER_CHECKS, runChecks } from '../core/checks/index.js';
import { countBySeverity, sortDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { measureRefs } from '../core/ledger.js';
import { loadLedger } from '../io/load-ledger.js';
import { validateReports } from './validate-reports.js';

export interface ValidateOptions {
  root: string;
  cwd?: string;
  /** Files or folders to report on; all of the ledger when empty. */
  paths?: readonly string[];
  /** Today, YYYY-MM-DD: reports for a later month are errors. */
  asOf: string;
}

export interface ValidateSummary {
  errors: number;
  warnings: number;
  files: number;
  measures: number;
}

export interface ValidateResult {
  diagnostics: Diagnostic[];
  summary: ValidateSummary;
}

/** Loads the ledger, runs every check and returns all findings, sorted by place. */
export function validate(options: ValidateOptions): ValidateResult {
  const { ledger, diagnostics: loadDiagnostics } = loadLedger(options.root);
  const reports = validateReports(options.root, ledger, options.asOf);
  const all = [...loadDiagnostics, ...runChecks(ledger, LEDGER_CHECKS), ...reports.diagnostics];
  const scope = scopeFilter(options);
  const diagnostics = sortDiagnostics(all.filter((d) => scope(d.file)));
  const files = ledger.areas.length + (ledger.unitsFile ? 1 : 0) + reports.files;
  return { diagnostics, summary: { ...countBySeverity(diagnostics), files, measures: measureRefs(ledger).length } };
}

function scopeFilter(options: ValidateOptions): (file: string) => boolean {
  const cwd = options.cwd ?? options.root;
  const prefixes = (options.paths ?? []).map((p) => path.relative(options.root, path.resolve(cwd, p)).split(path.sep).join('/'));
  if (prefixes.length === 0 || prefixes.includes('')) return () => true;
  return (file) => prefixes.some((prefix) => file === prefix || file.startsWith(`${prefix}/`) || prefix.startsWith(`${file}/`));
}

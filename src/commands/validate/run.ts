import { existsIn } from '../../io/ledger-root.js';
import path from 'node:path';
import { LEDGER_CHECKS, runChecks } from '../../core/checks/index.js';
import { countBySeverity, sortDiagnostics, type Diagnostic } from '../../core/diagnostic.js';
import { measureRefs, type Ledger } from '../../core/ledger.js';
import { checkReports, type ReportSource } from '../../core/report-checks.js';
import { loadLedger, readBytes } from '../../io/load-ledger.js';
import { parseReport } from '../../io/load-reports.js';
import { validateReports } from './reports.js';
import { validateTargets } from './targets.js';
import type { ValidateResult } from '../../core/validate-result.js';

export interface ValidateOptions {
  root: string;
  cwd?: string;
  /** Files or folders to report on; all of the ledger when empty. */
  paths?: readonly string[];
  /** Today, YYYY-MM-DD: reports for a later month are errors. */
  asOf: string;
}

export type { ValidateResult, ValidateSummary } from '../../core/validate-result.js';

/** Loads the ledger, runs every check and returns all findings, sorted by place. */
export function validate(options: ValidateOptions): ValidateResult {
  return validateTree(options).result;
}

/** `validate`, handing back the ledger and the reports it read so that `ledger check` does not read them again. */
export function validateTree(options: ValidateOptions): {
  result: ValidateResult;
  ledger: Ledger;
  reports: ReportSource[];
} {
  const cwd = options.cwd ?? options.root;
  const targets = validateTargets(options.root, cwd, options.paths ?? []);
  const { ledger, diagnostics: loadDiagnostics } = loadLedger(options.root);
  const reports = validateReports(options.root, ledger, options.asOf);
  const tree = [...loadDiagnostics, ...runChecks(ledger, LEDGER_CHECKS), ...reports.diagnostics];
  const inScope =
    targets.forms.length > 0 && targets.scopes.length === 0 ? [] : tree.filter(scopeFilter(targets.scopes));
  const forms = targets.forms.flatMap((form) => validateForm(ledger, form, cwd, options.asOf, options.root));
  const diagnostics = sortDiagnostics([...inScope, ...forms]);
  const files = ledger.areas.length + (ledger.unitsFile ? 1 : 0) + reports.files + targets.forms.length;
  const summary = { ...countBySeverity(diagnostics), files, measures: measureRefs(ledger).length };
  return { result: { diagnostics, summary }, ledger, reports: reports.reports };
}

/** A report form outside the repository's folders, checked on its own against the ledger. */
function validateForm(ledger: Ledger, absolute: string, cwd: string, asOf: string, root: string): Diagnostic[] {
  const relative = path.relative(cwd, absolute);
  const shown = relative.startsWith('..') ? absolute : relative.split(path.sep).join('/');
  const diagnostics: Diagnostic[] = [];
  const report = parseReport(readBytes(absolute), shown, diagnostics);
  return report
    ? [...diagnostics, ...checkReports(ledger, [report], { asOf, fileExists: existsIn(root) })]
    : diagnostics;
}

function scopeFilter(prefixes: readonly string[]): (d: Diagnostic) => boolean {
  if (prefixes.length === 0 || prefixes.includes('')) return () => true;
  return ({ file }) =>
    prefixes.some((prefix) => file === prefix || file.startsWith(`${prefix}/`) || prefix.startsWith(`${file}/`));
}

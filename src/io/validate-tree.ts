import path from 'node:path';
import { LEDGER_CHECKS, runChecks } from '../core/rules/checks/index.js';
import { countBySeverity, sortDiagnostics, type Diagnostic } from '../core/model/diagnostic.js';
import { measureRefs, type Ledger } from '../core/model/ledger.js';
import { checkReports, type ReportSource } from '../core/reports/report-checks.js';
import type { ValidateResult } from '../core/model/validate-result.js';
import { openLedger } from './ledger-repo.js';
import { existsIn } from './ledger-root.js';
import { readBytes } from './ledger-files.js';
import { parseReport } from './load-reports.js';
import { validateReports } from './validate-reports.js';
import { loadDecisions } from './decision-files.js';
import { validateTargets } from './validate-targets.js';

export interface ValidateOptions {
  root: string;
  cwd?: string;
  /** Files or folders to report on; all of the ledger when empty. */
  paths?: readonly string[];
  /** Today, YYYY-MM-DD (default: today in the ledger's time zone): reports for a later month are errors. */
  asOf?: string;
}

/**
 * Loads the ledger, runs every check and returns all findings sorted by place, with the ledger and
 * the reports it read (so that `ledger check` does not read them again).
 */
export async function validateTree(options: ValidateOptions): Promise<{
  result: ValidateResult;
  ledger: Ledger;
  reports: ReportSource[];
}> {
  const cwd = options.cwd ?? options.root;
  const targets = validateTargets(options.root, cwd, options.paths ?? []);
  const repo = openLedger(options.root);
  const { ledger, diagnostics: loadDiagnostics } = await repo.readWorkTree();
  const asOf = await repo.day(options.asOf);
  const reports = validateReports(options.root, ledger, asOf);
  const decisions = loadDecisions(options.root).diagnostics;
  const tree = [...loadDiagnostics, ...runChecks(ledger, LEDGER_CHECKS), ...reports.diagnostics, ...decisions];
  const inScope =
    targets.forms.length > 0 && targets.scopes.length === 0 ? [] : tree.filter(scopeFilter(targets.scopes));
  const forms = targets.forms.flatMap((form) => validateForm(ledger, form, cwd, asOf, options.root));
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

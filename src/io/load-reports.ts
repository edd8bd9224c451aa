import type { Diagnostic } from '../core/model/diagnostic.js';
import type { Ledger } from '../core/model/ledger.js';
import type { ReportSource } from '../core/reports/report-checks.js';
import { ReportSchema } from '../core/reports/report-schema.js';
import { zodIssuesToDiagnostics } from '../core/model/zod-issues.js';
import { textRuleDiagnostics } from '../core/model/text-rule.js';
import { listReportFiles } from './list-reports.js';
import { readRepoFile } from './repo-path.js';
import { parseYamlSource } from './yaml-source.js';
import { pushAll } from '../core/model/arrays.js';

export { classifyReportFiles, listReportFiles, reportsFileProblem } from './list-reports.js';

export interface LoadedReports {
  /** Reports that parsed and passed the schema. */
  reports: ReportSource[];
  /** Every report file found (parsed or not), relative to the root. */
  files: string[];
  diagnostics: Diagnostic[];
}

/** Reads every file under reports/: reports are parsed; anything else is a diagnostic, never skipped. */
export function loadReports(root: string, ledger: Ledger): LoadedReports {
  const listed = listReportFiles(root, ledger);
  const out: LoadedReports = { reports: [], files: listed.files, diagnostics: listed.diagnostics };
  for (const file of listed.files) {
    const report = parseReport(readRepoFile(root, file), file, out.diagnostics);
    if (report) out.reports.push(report);
  }
  return out;
}

/** Parses one report file's bytes (YAML) against the schema; problems go to `diagnostics`. */
export function parseReport(bytes: Uint8Array, file: string, diagnostics: Diagnostic[]): ReportSource | undefined {
  const parsed = parseYamlSource(bytes, file);
  pushAll(diagnostics, parsed.diagnostics);
  pushAll(diagnostics, parsed.warnings);
  if (parsed.diagnostics.length > 0) return undefined;
  const result = ReportSchema.safeParse(parsed.source.value);
  if (!result.success) {
    pushAll(diagnostics, zodIssuesToDiagnostics(result.error.issues, parsed.source.locate, parsed.source.value));
    return undefined;
  }
  const textProblems = textRuleDiagnostics(parsed.source.value, parsed.source.locate);
  if (textProblems.length > 0) {
    pushAll(diagnostics, textProblems);
    return undefined;
  }
  return { file, data: result.data, locate: parsed.source.locate };
}

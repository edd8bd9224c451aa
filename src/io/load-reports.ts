import { diagnosticAt, fileDiagnostic, type Diagnostic } from '../core/model/diagnostic.js';
import type { Ledger } from '../core/model/ledger.js';
import type { ReportSource } from '../core/reports/report-checks.js';
import { ReportSchema } from '../core/reports/report-schema.js';
import { zodIssuesToDiagnostics } from '../core/model/zod-issues.js';
import { textRuleDiagnostics } from '../core/model/text-rule.js';
import { listReportFiles } from './list-reports.js';
import { formatBytes, readRepoFile } from './repo-path.js';
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

/**
 * The largest report file parsed: a unit's report on every measure it has, each text at the
 * text rule's limit, is far below it. Bigger is refused before parsing (issue 25: a 36 MB report
 * made a 72 MB area file that no later command would read).
 */
export const MAX_REPORT_BYTES = 4 * 1024 * 1024;
/** The most entries a report may have (a unit reports each of its measures once). */
export const MAX_REPORT_ENTRIES = 5_000;
/** The most lines a report may have: YAML's memory grows with its nodes, not its bytes. */
export const MAX_REPORT_LINES = 100_000;

/** Parses one report file's bytes (YAML) against the schema; problems go to `diagnostics`. */
export function parseReport(bytes: Uint8Array, file: string, diagnostics: Diagnostic[]): ReportSource | undefined {
  const lines = bytes.length > MAX_REPORT_LINES ? countLines(bytes) : 0;
  if (bytes.length > MAX_REPORT_BYTES || lines > MAX_REPORT_LINES) {
    const size =
      lines > MAX_REPORT_LINES
        ? `${lines} 行，超过报送文件的上限 ${MAX_REPORT_LINES} 行`
        : `${formatBytes(bytes.length)}，超过报送文件的上限 ${formatBytes(MAX_REPORT_BYTES)}`;
    diagnostics.push(
      fileDiagnostic(file, {
        code: 'report/too-large',
        message: `${file} 有 ${size}，未读取`,
        hint: '报送文件只写本单位各项措施的进展；长篇材料放进佐证材料（evidence）',
      }),
    );
    return undefined;
  }
  const parsed = parseYamlSource(bytes, file);
  pushAll(diagnostics, parsed.diagnostics);
  pushAll(diagnostics, parsed.warnings);
  if (parsed.diagnostics.length > 0) return undefined;
  const entries = (parsed.source.value as { entries?: unknown } | null)?.entries;
  if (Array.isArray(entries) && entries.length > MAX_REPORT_ENTRIES) {
    diagnostics.push(
      diagnosticAt(parsed.source.locate(['entries'], 'key'), {
        code: 'report/too-many-entries',
        message: `${file} 有 ${entries.length} 项报送事项，超过上限 ${MAX_REPORT_ENTRIES}，未检查其中的内容`,
        hint: '每项具体措施只报送一次；检查文件是否被重复粘贴',
      }),
    );
    return undefined;
  }
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

function countLines(bytes: Uint8Array): number {
  let count = 1;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) count += 1;
  return count;
}

import type { Diagnostic } from '../../src/core/model/diagnostic.js';
import type { ReportSource } from '../../src/core/reports/report-checks.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { parseReport } from '../../src/io/load-reports.js';
import { SMALL_AREA, tempLedger } from './ledger-fixture.js';
import type { FileTree } from './temp-dir.js';

export const AREA_FILE = 'ledger/01-持续深化商事制度改革.yaml';

/** A report file's text; `entries` are YAML list items (see `entry`). */
export function reportYaml(unit: string, month: string, entries: string): string {
  return `unit: ${unit}\nmonth: "${month}"\nentries:\n${entries}`;
}

/** One entry: id, status and progress, plus extra lines such as `problems: …`. */
export function entry(id: string, status: string, progress = '', ...extra: string[]): string {
  return (
    [
      `  - id: "${id}"`,
      `    status: ${status}`,
      `    progress: "${progress}"`,
      ...extra.map((line) => `    ${line}`),
    ].join('\n') + '\n'
  );
}

/** The SMALL_AREA ledger (or `area`) plus `files` in a temp folder, loaded. */
export function loadedLedger(files: FileTree = {}, area = SMALL_AREA) {
  const root = tempLedger({ [AREA_FILE]: area, ...files });
  return { root, ...loadLedger(root) };
}

/** Parses report text as if it were at `file`; throws when it does not pass the schema. */
export function report(text: string, file = 'inbox/x.yaml'): ReportSource {
  const diagnostics: Diagnostic[] = [];
  const parsed = parseReport(Buffer.from(text), file, diagnostics);
  if (!parsed) throw new Error(`report does not parse: ${JSON.stringify(diagnostics)}`);
  return parsed;
}

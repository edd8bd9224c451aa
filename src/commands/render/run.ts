import { LEDGER_CHECKS, runChecks } from '../../core/checks/index.js';
import path from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { Ledger } from '../../core/ledger.js';
import { buildLedgerTable, type LedgerTable, type LedgerTableFilter } from '../../core/ledger-table.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomically, writeStreamAtomically } from '../../io/atomic-file.js';
import type { LedgerVersion } from '../../core/ledger-version.js';
import { loadLedgerVersion, type VersionRequest } from '../../io/ledger-version.js';
import { LEDGER_DIR } from '../../io/load-ledger.js';
import { exportTarget } from '../../io/repo-path.js';
import { REPORTS_DIR } from '../../core/report-path.js';
import { resolveAreaOption } from '../shared/resolve-area-option.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';
import { loadCheckedLedger, writeBlockers } from '../shared/write-guard.js';

export type RenderFormat = 'xlsx' | 'md';

export interface RenderOptions {
  root: string;
  cwd?: string;
  asOf: string;
  /** Evaluate this Git revision instead of the ledger as of `asOf`. */
  rev?: string;
  /** Evaluate the work tree whatever `asOf` is. */
  worktree?: boolean;
  format: RenderFormat;
  /** Output file; `-` writes Markdown to the result's `text` instead. Default 台账-<asOf>.<format> in cwd. */
  out?: string;
  unit?: string;
  /** Only the tasks this unit leads: name or alias. */
  lead?: string;
  /** Only this area: as typed on the command line (its number or a word from its title, see resolveAreaOption), or its number. */
  area?: number | string;
}

export interface RenderResult {
  /** Problems that stopped the render: nothing was written. */
  diagnostics: Diagnostic[];
  table?: LedgerTable;
  version?: LedgerVersion;
  /** The absolute path written. */
  file?: string;
  /** The Markdown, when `out` is `-`. */
  text?: string;
}

/** Loads and checks the ledger, builds the 台账 table and writes it; writes nothing when the ledger has errors. */
export async function render(options: RenderOptions): Promise<RenderResult> {
  const loaded = await loadValidLedgerAsOf(options.root, options);
  if (!loaded.ledger) return { diagnostics: loaded.diagnostics };
  const ledger = loaded.ledger;
  const filter = tableFilter(ledger, options);
  const table = { ...buildLedgerTable(ledger, options.asOf, filter), version: loaded.version.label };
  const written = await writeExport(options, defaultName(options.asOf, filter), {
    xlsx: async (file) => {
      const { writeLedgerXlsx } = await import('../../render/ledger-xlsx.js');
      await writeStreamAtomically(file, (stream) => writeLedgerXlsx(table, stream));
    },
    md: async () => (await import('../../render/ledger-markdown.js')).renderLedgerMarkdown(table),
  });
  return { diagnostics: [], table, version: loaded.version, ...written };
}

/**
 * Writes an export (render, summary): with `out` `-` the Markdown is returned as `text`; otherwise
 * xlsx or Markdown goes to `out`, by default `<baseName>.<format>` in cwd. Each format's renderer is
 * imported only when used.
 */
export async function writeExport(
  options: { cwd?: string; root: string; out?: string; format: RenderFormat },
  baseName: string,
  renderers: { xlsx: (file: string) => Promise<void>; md: () => Promise<string> },
): Promise<{ file?: string; text?: string }> {
  if (options.out === '-') {
    if (options.format === 'xlsx')
      throw new UsageError('xlsx 不能输出到标准输出', '用 --out 文件名.xlsx 指定输出文件，或改用 --format md');
    return { text: await renderers.md() };
  }
  const file = exportTarget(
    options.root,
    path.resolve(options.cwd ?? options.root, options.out ?? `${baseName}.${options.format}`),
    [LEDGER_DIR, REPORTS_DIR],
  );
  if (options.format === 'xlsx') await renderers.xlsx(file);
  else writeFileAtomically(file, await renderers.md());
  return { file };
}

/** The ledger when it has no errors; else the errors that stop the export (warnings do not), see writeBlockers. */
export function loadValidLedger(root: string, action = '导出'): { ledger?: Ledger; diagnostics: Diagnostic[] } {
  return validOnly(loadCheckedLedger(root), action);
}

/** The same for the ledger as of a day or at a revision (see loadLedgerVersion). */
export async function loadValidLedgerAsOf(
  root: string,
  request: VersionRequest,
): Promise<{ ledger?: Ledger; diagnostics: Diagnostic[]; version: LedgerVersion; reportFiles: string[] }> {
  const { version, reportFiles, ledger, diagnostics } = await loadLedgerVersion(root, request, { positions: true });
  const checked = { ledger, diagnostics: [...diagnostics, ...runChecks(ledger, LEDGER_CHECKS)] };
  return { ...validOnly(checked), version, reportFiles };
}

function validOnly(
  { ledger, diagnostics }: { ledger: Ledger; diagnostics: Diagnostic[] },
  action = '导出',
): {
  ledger?: Ledger;
  diagnostics: Diagnostic[];
} {
  const blockers = writeBlockers(diagnostics, action);
  return blockers.length > 0 ? { diagnostics: blockers } : { ledger, diagnostics: [] };
}

/** 台账-2020-07-25, 台账-市税务局-2020-07-25, 台账-4-2020-07-25 (lead, unit, area in that order). */
function defaultName(asOf: string, filter: LedgerTableFilter): string {
  return ['台账', filter.lead, filter.unit, filter.area, asOf].filter((part) => part !== undefined).join('-');
}

function tableFilter(ledger: Ledger, options: RenderOptions): LedgerTableFilter {
  const filter: LedgerTableFilter = {};
  if (options.unit !== undefined) filter.unit = resolveUnitOption(ledger.units, options.unit, '--unit');
  if (options.lead !== undefined) filter.lead = resolveUnitOption(ledger.units, options.lead, '--lead');
  if (typeof options.area === 'string')
    filter.area = resolveAreaOption(
      ledger.areas.map((a) => a.data),
      options.area,
    );
  else if (options.area !== undefined) {
    if (!ledger.areas.some((a) => a.data.area === options.area)) {
      const known = ledger.areas.map((a) => a.data.area).join('、');
      throw new UsageError(`台账中没有序号为 ${options.area} 的主要指标`, `现有序号：${known}`);
    }
    filter.area = options.area;
  }
  return filter;
}

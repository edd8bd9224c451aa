import type { Diagnostic } from '../../core/model/diagnostic.js';
import type { Ledger } from '../../core/model/ledger.js';
import { buildLedgerTable, type LedgerTable, type LedgerTableFilter } from '../../core/summaries/ledger-table.js';
import { UsageError } from '../../errors.js';
import { writeStreamAtomically } from '../../io/atomic-file.js';
import type { LedgerVersion } from '../../core/model/ledger-version.js';
import { writeExport, type RenderFormat } from '../../io/export-file.js';
import { onLedgerDay, type LedgerRepo } from '../../io/ledger-repo.js';
import { resolveAreaOption } from '../shared/resolve-area-option.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';

export type { RenderFormat } from '../../io/export-file.js';

export interface RenderOptions {
  root: string;
  cwd?: string;
  /** The day; default today in the ledger's time zone. */
  asOf?: string;
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
export function render(options: RenderOptions): Promise<RenderResult> {
  return onLedgerDay(options, renderOn);
}

async function renderOn(repo: LedgerRepo, options: RenderOptions & { asOf: string }): Promise<RenderResult> {
  const loaded = await repo.valid(options);
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

import path from 'node:path';
import { filterStatusChanges, type StatusChange } from '../../core/review/status-log.js';
import { buildUnitRegistry, isResponsible } from '../../core/model/units.js';
import { UsageError } from '../../errors.js';
import { LEDGER_DIR, UNITS_FILE } from '../../io/ledger-root.js';
import { statusHistory } from '../../io/status-history.js';
import { resolveAreaOption } from '../shared/resolve-area-option.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';

export interface LogOptions {
  root: string;
  cwd?: string;
  /** Inclusive YYYY-MM-DD bounds on the commit's author date. */
  since?: string;
  until?: string;
  /** A unit name or alias: measures it is responsible for, directly or through a group. */
  unit?: string;
  /** Typed on the command line: the area's number or a word from its title, checked against the ledger. A number is taken as it is (areas of the past). */
  area?: number | string;
}

export interface LogResult {
  /** Newest first. */
  changes: StatusChange[];
  /** The canonical name of --unit, when given. */
  unit?: string;
  warnings: string[];
  /** The repository has no commit yet, so there is no history (not an error). */
  noCommits?: boolean;
}

/** The timeline of status changes across the ledger, from Git history. */
export async function log(options: LogOptions): Promise<LogResult> {
  const unit = options.unit === undefined ? undefined : await canonicalUnit(options.root, options.unit);
  if (options.since && options.until && options.since > options.until) {
    throw new UsageError(`--since ${options.since} 晚于 --until ${options.until}`, '对调两个日期');
  }
  const area = typeof options.area === 'string' ? await resolveArea(options.root, options.area) : options.area;
  const history = await statusHistory(options.root);
  const changes = filterStatusChanges(history.changes, {
    ...(options.since ? { since: options.since } : {}),
    ...(options.until ? { until: options.until } : {}),
    ...(area !== undefined ? { area } : {}),
    ...(unit ? { unit: (units: readonly string[]) => isResponsible(unit.registry, units, unit.name) } : {}),
  });
  return {
    changes,
    ...(unit ? { unit: unit.name } : {}),
    warnings: history.warnings,
    ...(history.noCommits ? { noCommits: true } : {}),
  };
}

/** Only --unit needs the registry, and with it yaml and zod. */
async function canonicalUnit(root: string, typed: string) {
  const { UnitsFileSchema } = await import('../../core/model/schema.js');
  const { readSchemaFile } = await import('../../io/load-ledger.js');
  const file = readSchemaFile(root, path.posix.join(LEDGER_DIR, UNITS_FILE), UnitsFileSchema).source;
  const registry = buildUnitRegistry(file?.data ?? { units: [] });
  return { registry, name: resolveUnitOption(registry, typed, '--unit') };
}

/** Only --area needs the areas' titles, and with them the loaded ledger. */
async function resolveArea(root: string, typed: string): Promise<number> {
  const { loadLedger } = await import('../../io/load-ledger.js');
  return resolveAreaOption(
    loadLedger(root).ledger.areas.map((a) => a.data),
    typed,
  );
}

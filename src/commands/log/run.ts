import { filterStatusChanges, type StatusChange } from '../../core/review/status-log.js';
import { isResponsible } from '../../core/model/units.js';
import { UsageError } from '../../errors.js';
import { withLedger, type LedgerRepo } from '../../io/ledger-repo.js';
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
export function log(options: LogOptions): Promise<LogResult> {
  return withLedger(options.root, (repo) => logIn(repo, options));
}

async function logIn(repo: LedgerRepo, options: LogOptions): Promise<LogResult> {
  if (options.since && options.until && options.since > options.until) {
    throw new UsageError(`--since ${options.since} 晚于 --until ${options.until}`, '对调两个日期');
  }
  // --unit and --area are read against today's work tree (names and titles), the cache first.
  const needsLedger = options.unit !== undefined || typeof options.area === 'string';
  const ledger = needsLedger ? (await repo.workTree()).ledger : undefined;
  const unit = options.unit === undefined ? undefined : resolveUnitOption(ledger!.units, options.unit, '--unit');
  const area =
    typeof options.area === 'string'
      ? resolveAreaOption(
          ledger!.areas.map((a) => a.data),
          options.area,
        )
      : options.area;
  const history = await repo.statusChanges();
  const changes = filterStatusChanges(history.changes, {
    ...(options.since ? { since: options.since } : {}),
    ...(options.until ? { until: options.until } : {}),
    ...(area !== undefined ? { area } : {}),
    ...(unit ? { unit: (units: readonly string[]) => isResponsible(ledger!.units, units, unit) } : {}),
  });
  return {
    changes,
    ...(unit ? { unit } : {}),
    warnings: history.warnings,
    ...(history.noCommits ? { noCommits: true } : {}),
  };
}

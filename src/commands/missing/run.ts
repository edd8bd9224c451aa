import { countBySeverity } from '../../core/model/diagnostic.js';
import { scopeLedger } from '../../core/rules/ledger-scope.js';
import type { LedgerVersion } from '../../core/model/ledger-version.js';
import type { GatheredReports } from '../../core/reports/report-counts.js';
import { onLedgerDay } from '../../io/ledger-repo.js';
import { gatherReportCounts } from '../../io/report-counts.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';

export interface MissingOptions {
  root: string;
  cwd?: string;
  /** The report month; default the month of the day. */
  month?: string;
  /** The day (default today): the ledger as committed then, and only reports that had arrived by then. */
  asOf?: string;
  /** Evaluate this Git revision instead of the ledger as of `asOf`. */
  rev?: string;
  /** Evaluate the work tree whatever `asOf` is. */
  worktree?: boolean;
  /** Only the units responsible for the tasks this unit leads (name or alias). */
  lead?: string;
}

export interface MissingResult extends GatheredReports {
  /** Errors in the ledger (the rest is still counted; exit code 1). */
  problems?: number;
  /** Which version of the ledger was evaluated. */
  version?: LedgerVersion;
}

/** Units that owe a report for the month and have none, and reports that arrived after the due day. */
export function missing(options: MissingOptions): Promise<MissingResult> {
  return onLedgerDay(options, async (repo, dated) => {
    const { ledger, diagnostics, version, reportFiles } = await repo.version(dated);
    const lead = options.lead === undefined ? undefined : resolveUnitOption(ledger.units, options.lead, '--lead');
    const scoped = scopeLedger(ledger, { lead });
    const month = options.month ?? dated.asOf.slice(0, 7);
    const counts = await gatherReportCounts(options.root, scoped, month, dated.asOf, reportFiles);
    return { ...counts, problems: countBySeverity(diagnostics).errors, version };
  });
}

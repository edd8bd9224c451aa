import { countBySeverity } from '../../core/model/diagnostic.js';
import { findMeasure, measureRefs } from '../../core/model/ledger.js';
import { measureItem, type MeasureItem } from '../../core/rules/rollup.js';
import type { Area, Measure, Task } from '../../core/model/schema.js';
import { reportingUnits } from '../../core/model/units.js';
import { UsageError } from '../../errors.js';
import type { LedgerVersion } from '../../core/model/ledger-version.js';
import { onLedgerDay, type LedgerRepo } from '../../io/ledger-repo.js';

export interface ShowOptions {
  root: string;
  cwd?: string;
  /** The day; default today in the ledger's time zone. */
  asOf?: string;
  /** Evaluate this Git revision instead of the ledger as of `asOf`. */
  rev?: string;
  /** Evaluate the work tree whatever `asOf` is. */
  worktree?: boolean;
  /** Measure id, e.g. 1.1.2. */
  id: string;
}

export interface ShowResult {
  asOf: string;
  /** Which version of the ledger was evaluated. */
  version: LedgerVersion;
  dueSoonDays: number;
  escalationDays: number;
  item: MeasureItem;
  measure: Measure;
  area: Pick<Area, 'area' | 'title' | 'lead'>;
  task: Pick<Task, 'id' | 'title' | 'text'>;
  /** The units that report on it: groups replaced by their members. */
  reportingUnits: string[];
  /** Where it is written: file and line. */
  file: string;
  line: number;
  /** Errors in the ledger (the rest is still shown; exit code 1). */
  problems: number;
}

/** One measure in full, with what its deadline means on `asOf`. */
export function show(options: ShowOptions): Promise<ShowResult> {
  return onLedgerDay(options, showOn);
}

async function showOn(repo: LedgerRepo, options: ShowOptions & { asOf: string }): Promise<ShowResult> {
  const { ledger, diagnostics, version } = await repo.version(options, { positions: true });
  const id = options.id.trim();
  const ref = findMeasure(ledger, id);
  if (!ref) {
    const ids = measureRefs(ledger).map((r) => r.measure.id);
    const near = ids.filter((other) => other.startsWith(id.split('.').slice(0, 2).join('.') + '.')).slice(0, 8);
    const hint =
      near.length > 0
        ? `同一目标任务下的措施：${near.join('、')}`
        : `编号形如 1.1.1；台账共有 ${ids.length} 项措施，用 ledger status 查看`;
    throw new UsageError(`找不到编号为“${options.id}”的具体措施`, hint);
  }
  const { area, task, measure } = ref;
  const item = measureItem(ref, options.asOf, ledger);
  return {
    asOf: options.asOf,
    version,
    dueSoonDays: ledger.config.due_soon_days,
    escalationDays: ledger.config.escalation_days,
    item,
    measure,
    area: { area: area.area, title: area.title, lead: area.lead },
    task: { id: task.id, title: task.title, text: task.text },
    reportingUnits: reportingUnits(ledger.units, measure.units),
    file: ref.file,
    line: ref.locate(ref.path).line,
    problems: countBySeverity(diagnostics).errors,
  };
}

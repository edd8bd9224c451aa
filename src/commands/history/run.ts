import { measureHistory, type HistoryEntry } from '../../core/review/measure-history.js';
import { UsageError } from '../../errors.js';
import { openLedger } from '../../io/ledger-repo.js';

/** As MeasureIdSchema, without loading zod. */
const MEASURE_ID = /^[1-9]\d*\.[1-9]\d*\.[1-9]\d*$/;

export interface HistoryOptions {
  root: string;
  cwd?: string;
  /** 具体措施编号, e.g. 1.1.1 */
  id: string;
}

export interface HistoryResult {
  id: string;
  /** The measure's title in its latest committed version. */
  title: string;
  /** The file that holds it now (or last held it, when deleted). */
  file: string;
  /** Oldest first. */
  entries: HistoryEntry[];
  warnings: string[];
  /** The repository has no commit yet, so there is no history (not an error). */
  noCommits?: boolean;
}

/** Every commit that changed one measure, with field-level before → after. */
export async function history(options: HistoryOptions): Promise<HistoryResult> {
  const id = options.id.trim();
  if (!MEASURE_ID.test(id)) {
    throw new UsageError(
      `具体措施编号“${options.id}”格式不对`,
      '编号写作 主要指标.目标任务.具体措施，例如 ledger history 1.1.1',
    );
  }
  const repo = openLedger(options.root);
  const walk = await repo.measureChanges({ id });
  if (walk.noCommits) return { id, title: '', file: '', entries: [], warnings: [], noCommits: true };
  const { timezone } = await repo.config();
  const entries = measureHistory(walk.events, timezone);
  const last = walk.events[walk.events.length - 1];
  if (!last) {
    throw new UsageError(
      `Git 历史中没有具体措施 ${id}`,
      '用 ledger status 查看现有编号；刚新增的措施要先提交（git commit）才有历史',
    );
  }
  const latest = last.after ?? last.before!;
  const title = typeof latest.measure.title === 'string' ? latest.measure.title : '';
  return { id, title, file: latest.file, entries, warnings: walk.warnings };
}

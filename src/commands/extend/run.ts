import { findMeasure } from '../../core/ledger.js';
import type { FileChanges } from '../../core/merge-plan.js';
import type { Extension } from '../../core/schema.js';
import { UsageError } from '../../errors.js';
import { applyMerge } from '../../io/apply-merge.js';
import { loadLedger } from '../../io/load-ledger.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';

export type ExtensionDecision = 'approve' | 'reject';

export interface ExtendOptions {
  root: string;
  cwd?: string;
  /** 具体措施编号, e.g. 1.1.1 */
  id: string;
  decision: ExtensionDecision;
  /** The day of the decision, YYYY-MM-DD. */
  date: string;
  /** Who decided; default the measure's lead units. */
  by?: string;
  reason?: string;
  /** Which unit's request, when several are pending. */
  unit?: string;
  dryRun?: boolean;
}

export interface ExtendResult {
  id: string;
  title: string;
  file: string;
  before: Extension;
  after: Extension;
  written: boolean;
}

/** Records the lead's decision on a pending extension request (申请延期) in the ledger. */
export function extend(options: ExtendOptions): ExtendResult {
  const { ledger } = loadLedger(options.root);
  const ref = findMeasure(ledger, options.id.trim());
  if (!ref)
    throw new UsageError(`台账中没有编号为 ${options.id} 的具体措施`, '编号形如 1.1.1；用 ledger show 编号 查看');
  const unit = options.unit ? resolveUnitOption(ledger.units, options.unit, '--unit') : undefined;
  const extensions = ref.measure.extensions ?? [];
  const pending = extensions
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => e.state === '待审批' && (!unit || e.requested_by === unit));
  if (pending.length === 0) {
    throw new UsageError(
      `具体措施 ${ref.measure.id} 没有${unit ? ` ${unit} 的` : ''}待审批延期申请`,
      '延期申请由责任单位在月度报送中填写 extension，经 ledger merge 记录后才能审批',
    );
  }
  if (pending.length > 1) {
    throw new UsageError(
      `具体措施 ${ref.measure.id} 有 ${pending.length} 个待审批延期申请`,
      `用 --unit 指定：${pending.map(({ e }) => `--unit ${e.requested_by}`).join('、')}`,
    );
  }
  const { e: before, index } = pending[0]!;
  const after: Extension = {
    ...before,
    state: options.decision === 'approve' ? '已批准' : '已驳回',
    decided_on: options.date,
    decided_by: options.by?.trim() || ref.leads.join('、'),
    ...(options.reason?.trim() ? { decision_reason: options.reason.trim() } : {}),
  };
  const change: FileChanges = {
    file: ref.file,
    changes: [{ path: [...ref.path, 'extensions', index], before, after }],
  };
  if (!options.dryRun) applyMerge(options.root, [change]);
  return { id: ref.measure.id, title: ref.measure.title, file: ref.file, before, after, written: !options.dryRun };
}

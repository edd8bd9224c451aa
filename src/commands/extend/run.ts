import { extensionDeciders } from '../../core/rules/extension-rules.js';
import { findMeasure } from '../../core/model/ledger.js';
import type { ExtensionDecision } from '../../core/model/decision.js';
import { decisionEffect } from '../../core/rules/decisions.js';
import { decisionWrite } from '../../io/decision-files.js';
import type { Extension } from '../../core/model/schema.js';
import { LedgerErrors, UsageError } from '../../errors.js';
import { applyMerge } from '../../io/apply-merge.js';
import { CONFIG_FILE, LEDGER_DIR, UNITS_FILE } from '../../io/load-ledger.js';
import { writeBlockers } from '../../core/rules/write-blockers.js';
import { openLedger, type LedgerRepo } from '../../io/ledger-repo.js';
import { withWriteSession, type WriteSession } from '../../io/repo-write.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';

export type ExtensionVerdict = 'approve' | 'reject';

export interface ExtendOptions {
  root: string;
  cwd?: string;
  /** 具体措施编号, e.g. 1.1.1 */
  id: string;
  decision: ExtensionVerdict;
  /** The day of the decision, YYYY-MM-DD; default today in the ledger's time zone. */
  date?: string;
  /** The deciding unit (name or alias); default the measure's lead units, when they may decide. */
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
  /** The decided request; absent when the decision was refused. */
  after?: Extension;
  written: boolean;
  /** The decision file written (decisions/<by>/<month>/…). */
  decisionFile?: string;
  /** Why nothing was written: the decider may not decide this request (self-approval). */
  refused?: { message: string; hint: string };
}

/** Records a decision on a pending extension request (申请延期); a unit never decides its own request. */
export async function extend(options: ExtendOptions): Promise<ExtendResult> {
  const repo = openLedger(options.root);
  const dated = { ...options, date: await repo.day(options.date) };
  if (options.dryRun) return extendIn(repo, dated);
  return withWriteSession(options.root, 'ledger extend', (session) => extendIn(repo, dated, session));
}

async function extendIn(
  repo: LedgerRepo,
  options: ExtendOptions & { date: string },
  session?: WriteSession,
): Promise<ExtendResult> {
  const { ledger, diagnostics } = await repo.readForWrite();
  const ref = findMeasure(ledger, options.id.trim());
  // The measure's own file and the files that say who may decide; any file when the measure was not found (it may sit in a broken one).
  const reads = ref ? new Set([ref.file, `${LEDGER_DIR}/${UNITS_FILE}`, `${LEDGER_DIR}/${CONFIG_FILE}`]) : undefined;
  const blockers = writeBlockers(diagnostics, `审批 ${options.id.trim()} 的延期`, reads && ((file) => reads.has(file)));
  if (blockers.length > 0) throw new LedgerErrors(blockers, '未写入任何文件');
  if (!ref)
    throw new UsageError(`台账中没有编号为 ${options.id} 的具体措施`, '编号形如 1.1.1；用 ledger show 编号 查看');
  const unit = options.unit ? resolveUnitOption(ledger.units, options.unit, '--unit') : undefined;
  const extensions = ref.measure.extensions ?? [];
  const pending = extensions.filter((e) => e.state === '待审批' && (!unit || e.requested_by === unit));
  if (pending.length === 0) {
    throw new UsageError(
      `具体措施 ${ref.measure.id} 没有${unit ? ` ${unit} 的` : ''}待审批延期申请`,
      '延期申请由责任单位在月度报送中填写 extension，经 ledger merge 记录后才能审批',
    );
  }
  if (pending.length > 1) {
    throw new UsageError(
      `具体措施 ${ref.measure.id} 有 ${pending.length} 个待审批延期申请`,
      `用 --unit 指定：${pending.map((e) => `--unit ${e.requested_by}`).join('、')}`,
    );
  }
  const before = pending[0]!;
  const base = { id: ref.measure.id, title: ref.measure.title, file: ref.file, before, written: false };
  const deciders = extensionDeciders(before.requested_by, ref.leads, ledger.config.supervisors);
  const by = options.by?.trim() ? resolveUnitOption(ledger.units, options.by, '--by') : undefined;
  const refused = refusal(ref.measure.id, before.requested_by, ref.leads, deciders, by, options.decision);
  if (refused) return { ...base, refused };
  const decision: ExtensionDecision = {
    decision: options.decision === 'approve' ? '批准延期' : '驳回延期',
    measure: ref.measure.id,
    unit: before.requested_by,
    requested_in: before.requested_in,
    ...(options.reason?.trim() ? { reason: options.reason.trim() } : {}),
    by: by ?? deciders[0]!,
    on: options.date,
  };
  const effect = decisionEffect(ledger, decision);
  if ('problem' in effect) throw new UsageError(effect.problem, '用 ledger show 编号 查看该措施的延期申请');
  const after = effect.changes[0]!.changes[0]!.after as Extension;
  const written = session ? applyMerge(options.root, effect.changes, [decisionWrite(decision)], session) : [];
  return { ...base, after, written: !options.dryRun, ...(written.length > 0 ? { decisionFile: written.at(-1) } : {}) };
}

/** Why `by` (default: the leads) may not decide this request, or undefined when it may. */
function refusal(
  id: string,
  requester: string,
  leads: readonly string[],
  deciders: readonly string[],
  by: string | undefined,
  decision: ExtensionVerdict,
): { message: string; hint: string } | undefined {
  if (by !== undefined && deciders.includes(by)) return undefined;
  const flag = decision === 'approve' ? '--approve' : '--reject';
  const hint = `由 ${deciders.join(' 或 ')} 审批：ledger extend ${id} ${flag} --by ${deciders[0] ?? '单位'}`;
  if (by === undefined && !leads.includes(requester)) return undefined;
  if (by === requester || (by === undefined && leads.includes(requester))) {
    const role = leads.includes(requester) ? `是 ${id} 的牵头单位，但` : '';
    return { message: `延期申请由 ${requester} 提出；${requester} ${role}不能审批本单位的延期申请`, hint };
  }
  return { message: `${by} 不能审批 ${requester} 在 ${id} 上的延期申请`, hint };
}

import type { Diagnostic } from '../../core/model/diagnostic.js';
import { findMeasure } from '../../core/model/ledger.js';
import type { UnitReport, Verification } from '../../core/model/schema.js';
import { verifiers } from '../../core/rules/verification.js';
import type { Decision } from '../../core/model/decision.js';
import { decisionEffect } from '../../core/rules/decisions.js';
import { decisionWrite } from '../../io/decision-files.js';
import { UsageError } from '../../errors.js';
import { applyMerge } from '../../io/apply-merge.js';
import { openLedger, type LedgerRepo } from '../../io/ledger-repo.js';
import { withWriteSession, type WriteSession } from '../../io/repo-write.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';

export interface VerifyOptions {
  root: string;
  cwd?: string;
  /** 具体措施编号 */
  id: string;
  /** Whose part (name or alias). */
  unit: string;
  reject?: boolean;
  reason?: string;
  /** The verifying unit (name or alias); default the measure's lead when it may verify. */
  by?: string;
  /** The day of the verification; default today in the ledger's time zone. */
  date?: string;
  dryRun?: boolean;
}

export interface VerifyResult {
  id: string;
  title: string;
  unit: string;
  file: string;
  verification?: Verification;
  /** Already verified: nothing to do. */
  unchanged?: boolean;
  written: boolean;
  /** The decision file written (decisions/<by>/<month>/…), which CODEOWNERS gives to the verifying unit. */
  decisionFile?: string;
  /** Ledger errors that stopped the verification: nothing was written. */
  diagnostics?: Diagnostic[];
  /** Why nothing was written: the verifier may not verify this part. */
  refused?: { message: string; hint: string };
}

/** Records the lead's verification (销号) of a part reported 已完成, or returns it to 推进中. */
export async function verify(options: VerifyOptions): Promise<VerifyResult> {
  const repo = openLedger(options.root);
  if (options.dryRun) return verifyIn(repo, options);
  return withWriteSession(options.root, 'ledger verify', (session) => verifyIn(repo, options, session));
}

/** Reads the ledger under the write lock (when writing), so a merge finishing meanwhile is never overwritten. */
async function verifyIn(repo: LedgerRepo, options: VerifyOptions, session?: WriteSession): Promise<VerifyResult> {
  const loaded = await repo.validWorkTree('核验');
  const today = await repo.today();
  const date = options.date ?? today;
  if (!loaded.ledger)
    return { id: options.id, title: '', unit: options.unit, file: '', written: false, diagnostics: loaded.diagnostics };
  const ledger = loaded.ledger;
  const ref = findMeasure(ledger, options.id.trim());
  if (!ref)
    throw new UsageError(`台账中没有编号为 ${options.id} 的具体措施`, '编号形如 1.1.1；用 ledger show 编号 查看');
  const unit = resolveUnitOption(ledger.units, options.unit, '--unit');
  const report = ref.measure.unit_reports?.[unit];
  const base = { id: ref.measure.id, title: ref.measure.title, unit, file: ref.file, written: false };
  if (report?.status !== '已完成') throw notReported(ref.measure.id, unit, report);
  const allowed = verifiers(unit, ref.leads, ledger.config.supervisors);
  const by = options.by?.trim() ? resolveUnitOption(ledger.units, options.by, '--by') : allowed[0];
  if (!by || !allowed.includes(by)) return { ...base, refused: refusal(ref.measure.id, unit, by, allowed) };
  if (!options.reject && report.verification?.state === '已核验') return { ...base, unchanged: true };
  if (options.reject && !options.reason?.trim()) throw new UsageError('退回须写明理由', '加 --reason 退回理由');
  refuseDate(date, today, report);
  const reason = options.reason?.trim();
  const decision: Decision = options.reject
    ? { decision: '退回', measure: ref.measure.id, unit, reason: reason!, by, on: date }
    : { decision: '核验', measure: ref.measure.id, unit, by, on: date };
  const effect = decisionEffect(ledger, decision);
  if ('problem' in effect) throw new UsageError(effect.problem, '用 ledger show 编号 查看该措施的报送情况');
  const verification: Verification = {
    state: options.reject ? '已退回' : '已核验',
    by,
    on: date,
    ...(reason ? { reason } : {}),
  };
  const written = session ? applyMerge(options.root, effect.changes, [decisionWrite(decision)], session) : [];
  return {
    ...base,
    verification,
    written: !options.dryRun,
    ...(written.length > 0 ? { decisionFile: written.at(-1) } : {}),
  };
}

/** A verification is dated on a day that has come, and not before the part was completed. */
function refuseDate(date: string, today: string, report: UnitReport): void {
  if (date > today)
    throw new UsageError(`核验日期 ${date} 晚于今天（${today}）`, '核验只能记在已经到来的日子：省略 --date 即为今天');
  if (report.completed_on && date < report.completed_on)
    throw new UsageError(
      `核验日期 ${date} 早于该部分的完成日期 ${report.completed_on}`,
      `写完成之后的日期，例如 --date ${report.completed_on}`,
    );
}

function notReported(id: string, unit: string, report: UnitReport | undefined): UsageError {
  const now = report ? `最近一次报送（${report.month}）为“${report.status}”` : '从未报送';
  return new UsageError(
    `${unit} 在 ${id} 上${now}，没有可核验的“已完成”`,
    '责任单位在月度报送中报“已完成”并经 ledger merge 合并后才能核验',
  );
}

function refusal(id: string, unit: string, by: string | undefined, allowed: readonly string[]) {
  const who =
    by === unit ? `${unit} 不能核验本单位的部分` : `${by ?? '（未指定）'} 不是 ${id} 的牵头单位或督办单位，不能核验`;
  return {
    message: who,
    hint: `由 ${allowed.join(' 或 ')} 核验：ledger verify ${id} --unit ${unit} --by ${allowed[0]}`,
  };
}

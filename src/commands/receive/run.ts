import type { Decision } from '../../core/model/decision.js';
import { decisionPath, DECISIONS_DIR, receiptOfPath } from '../../core/model/decision-path.js';
import { decisionDeciders, receiptDateProblem } from '../../core/rules/decisions.js';
import { isGroup } from '../../core/model/units.js';
import { reportPath } from '../../core/reports/report-path.js';
import { LedgerErrors, UsageError } from '../../errors.js';
import { applyMerge } from '../../io/apply-merge.js';
import { decisionWrite, loadDecisions } from '../../io/decision-files.js';
import { openLedger, type LedgerRepo } from '../../io/ledger-repo.js';
import { withWriteSession, type WriteSession } from '../../io/repo-write.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';

export interface ReceiveOptions {
  root: string;
  cwd?: string;
  /** Whose form (name or alias). */
  unit: string;
  /** The report month, YYYY-MM. */
  month: string;
  /** The day the form arrived; default today in the ledger's time zone. */
  date?: string;
  /** The receiving unit (name or alias); default the first unit that may record it. */
  by?: string;
  dryRun?: boolean;
}

export interface ReceiveResult {
  unit: string;
  month: string;
  date: string;
  by: string;
  /** The decision file (written unless dry run). */
  file: string;
  written: boolean;
}

/** Records that a unit's mailed form reached its lead (收件), before or without merging it. */
export async function receive(options: ReceiveOptions): Promise<ReceiveResult> {
  const repo = openLedger(options.root);
  if (options.dryRun) return receiveIn(repo, options);
  return withWriteSession(options.root, 'ledger receive', (session) => receiveIn(repo, options, session));
}

async function receiveIn(repo: LedgerRepo, options: ReceiveOptions, session?: WriteSession): Promise<ReceiveResult> {
  const { ledger, diagnostics } = await repo.validWorkTree('登记收件');
  if (!ledger) throw new LedgerErrors(diagnostics, '未登记收件');
  const today = await repo.today();
  const date = options.date ?? today;
  const unit = resolveUnitOption(ledger.units, options.unit, '--unit');
  if (isGroup(ledger.units, unit)) throw new UsageError(`${unit} 是单位组，不报送`, '写报送表格的成员单位');
  const report = reportPath(options.month, unit);
  if (!report) throw new UsageError(`报送月份 ${options.month} 应写作 YYYY-MM`, '例如 --month 2020-07');
  if (date > today) throw new UsageError(`收件日期 ${date} 晚于今天（${today}）`, '写实际收到表格的那一天');
  const problem = receiptDateProblem(report, date);
  if (problem) throw new UsageError(problem, '写实际收到表格的那一天');
  const draft: Decision = { decision: '收件', report, by: unit, on: date };
  const allowed = decisionDeciders(ledger, draft);
  const by = options.by?.trim() ? resolveUnitOption(ledger.units, options.by, '--by') : allowed[0];
  if (!by || !allowed.includes(by))
    throw new UsageError(
      `${by ?? '（未指定）'} 不能登记 ${unit} 的收件`,
      `由 ${allowed.join(' 或 ')} 登记：ledger receive --unit ${unit} --month ${options.month} --by ${allowed[0] ?? '单位'}`,
    );
  const earlier = loadDecisions(options.root)
    .decisions.map((d) => receiptOfPath(d.file))
    .find((receipt) => receipt?.report === report);
  if (earlier)
    throw new UsageError(
      `${unit} ${options.month} 的表格已于 ${earlier.on} 登记收件`,
      `一份表格只登记一次；见 ${DECISIONS_DIR}/ 中的收件决定`,
    );
  const decision: Decision = { ...draft, by };
  if (session) applyMerge(options.root, [], [decisionWrite(decision)], session);
  return { unit, month: options.month, date, by, file: decisionPath(decision), written: session !== undefined };
}

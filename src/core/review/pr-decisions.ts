/**
 * The decision files of a pull request: records, never edited; each made by a unit that may make
 * it, on a day that has come, and applicable to the ledger it changes (docs/audit.md).
 */
import { fileDiagnostic, type Diagnostic, type DiagnosticInput } from '../model/diagnostic.js';
import type { Decision, DecisionSource } from '../model/decision.js';
import { decidedAbout, DECISIONS_DIR } from '../model/decision-path.js';
import type { Ledger } from '../model/ledger.js';
import { decisionDeciders, receiptDateProblem } from '../rules/decisions.js';
import type { ReportFileChange } from './pr-review.js';

export interface DecisionReviewInput {
  base: Ledger;
  /** Files under decisions/ the pull request adds, changes, renames or deletes. */
  changes: readonly ReportFileChange[];
  /** The added decision files that parsed. */
  added: readonly DecisionSource[];
  /** Added decisions that do not apply to the ledger the pull request leaves (see expectedLedger). */
  problems: readonly { decision: Decision; problem: string }[];
  /** Today in the ledger's time zone. */
  asOf: string;
}

export function reviewDecisions(input: DecisionReviewInput): Diagnostic[] {
  const out = edited(input.changes);
  for (const source of input.added) {
    const problem = decisionProblem(input.base, source.data, input.asOf);
    if (problem) out.push(fileDiagnostic(source.file, problem));
  }
  for (const { decision, problem } of input.problems) {
    const source = input.added.find((s) => s.data === decision);
    out.push(
      fileDiagnostic(source?.file ?? DECISIONS_DIR, {
        code: 'check/decision-not-applicable',
        message: `决定（${decision.by} ${decision.on} ${decision.decision}）不能用于台账：${problem}`,
        hint: '决定由 ledger verify、extend、notice --issue、receive 依据当时的台账写出；请重新运行相应命令，不要手写决定文件',
      }),
    );
  }
  return out;
}

function edited(changes: readonly ReportFileChange[]): Diagnostic[] {
  return changes
    .filter((c) => c.status !== 'A' && c.status !== 'C')
    .map((c) => {
      const file = c.status === 'D' ? (c.oldPath ?? c.path) : c.path;
      const verb = c.status === 'D' ? '删除' : c.status === 'R' ? '移动' : '修改';
      return fileDiagnostic(file, {
        code: 'check/decision-edited',
        message: `${verb}了决定文件 ${c.oldPath ?? c.path}；决定文件是记录，写入后不能修改、移动或删除`,
        hint: `恢复原样：git checkout <基准分支> -- '${c.oldPath ?? c.path}'；要改变决定，请由决定单位作出新的决定（例如退回后重新核验）`,
      });
    });
}

function decisionProblem(base: Ledger, decision: Decision, asOf: string): DiagnosticInput | undefined {
  if (decision.on > asOf)
    return {
      code: 'check/decision-future',
      message: `决定日期 ${decision.on} 晚于今天（${asOf}）；决定只能记在已经到来的日子`,
      hint: '由决定单位在当天重新运行相应命令',
    };
  const deciders = decisionDeciders(base, decision);
  if (!deciders.includes(decision.by)) {
    const about = decidedAbout(decision);
    const why =
      decision.by === about
        ? `${about} 不能对本单位的事项作出“${decision.decision}”决定`
        : `${decision.by} 不能作出这一“${decision.decision}”决定`;
    return {
      code: 'check/decision-not-allowed',
      message: `${why}（可以决定的单位：${deciders.join('、') || '无'}）`,
      hint: '由可以决定的单位运行相应命令；牵头单位自己承担的部分由督办单位（config.yaml 的 supervisors）决定',
    };
  }
  if (decision.decision === '收件') return receiptWindow(decision.report, decision.on);
  return undefined;
}

function receiptWindow(report: string, on: string): DiagnosticInput | undefined {
  const problem = receiptDateProblem(report, on);
  return problem
    ? {
        code: 'check/receipt-window',
        message: problem,
        hint: '收件日期写实际收到的那一天：ledger merge 表格 --received 收到的日期',
      }
    : undefined;
}

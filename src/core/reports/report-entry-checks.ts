/**
 * Checks of one report entry's dates and evidence against the report month,
 * the plan and the ledger (issue 12). Pure: whether a path exists is asked of
 * `fileExists`, given by the caller.
 *
 * - completed_on only with 已完成; required with 已完成 when the unit finishes
 *   the part in this report (not yet merged, not already 已完成 in the ledger);
 * - completed_on not after the report month's last day, not before config plan_start;
 * - evidence: a link must be http(s); a relative path must exist in the repository (warning).
 */
import { lastDayOf } from '../model/calendar.js';
import { diagnosticAt, type Diagnostic, type DiagnosticInput } from '../model/diagnostic.js';
import type { Locator, MeasureRef } from '../model/ledger.js';
import type { ReportEntry } from './report-schema.js';

export interface EntryContext {
  month: string;
  /** The canonical reporting unit, when known. */
  unit?: string;
  planStart: string;
  locate: Locator;
  /** Whether a path relative to the ledger root exists; without it, paths are not checked. */
  fileExists?: (path: string) => boolean;
}

export function checkEntryDates(entry: ReportEntry, i: number, ref: MeasureRef, ctx: EntryContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (field: string) => ctx.locate(['entries', i, field]);
  const monthEnd = lastDayOf(Number(ctx.month.slice(0, 4)), Number(ctx.month.slice(5, 7)));
  if (entry.completed_on && entry.status !== '已完成') {
    out.push(
      diagnosticAt(at('completed_on'), {
        code: 'report/completed-on-not-done',
        message: `具体措施 ${entry.id} 的状态是 ${entry.status}，不能填写完成日期（completed_on: ${entry.completed_on}）`,
        hint: '完成后再填写完成日期：删除 completed_on，或把状态改为 已完成',
      }),
    );
  }
  if (entry.status === '已完成' && !entry.completed_on && finishesNow(ref, ctx)) {
    out.push(
      diagnosticAt(at('status'), {
        code: 'report/completed-on-missing',
        message: `具体措施 ${entry.id} 报为已完成，但没有填写完成日期`,
        hint: `在这一项加上 completed_on: ${ctx.month}-DD（完成的那一天，不晚于 ${monthEnd}；Excel 报送表填“完成日期”列）`,
      }),
    );
  }
  const redated = redatedCompletion(entry, ref, ctx);
  if (redated) out.push(diagnosticAt(at('completed_on'), redated));
  if (entry.completed_on && entry.completed_on > monthEnd) {
    out.push(
      diagnosticAt(at('completed_on'), {
        code: 'report/completed-on-after-month',
        message: `完成日期 ${entry.completed_on} 晚于报送月份 ${ctx.month} 的最后一天`,
        hint: `${ctx.month} 的报送只能报告 ${monthEnd} 及以前完成的事项；核对年份和月份`,
      }),
    );
  }
  if (entry.completed_on && entry.completed_on < ctx.planStart) {
    out.push(
      diagnosticAt(at('completed_on'), {
        code: 'report/completed-on-before-plan',
        message: `完成日期 ${entry.completed_on} 早于方案开始的日期 ${ctx.planStart}`,
        hint: '核对年份（方案开始日期见 ledger/config.yaml 的 plan_start）',
      }),
    );
  }
  (entry.evidence ?? []).forEach((item, k) => {
    const where = ctx.locate(['entries', i, 'evidence', k]);
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(item)?.[1]?.toLowerCase();
    if (scheme && scheme.length > 1) {
      if (scheme === 'http' || scheme === 'https') return;
      out.push(
        diagnosticAt(where, {
          code: 'report/evidence-url',
          message: `佐证材料“${item}”不是 http(s) 链接`,
          hint: '链接以 https:// 或 http:// 开头；文件请放进仓库，写相对路径，例如 evidence/2020-07/通知.pdf',
        }),
      );
      return;
    }
    if (ctx.fileExists && !ctx.fileExists(item.replace(/^\.\//, ''))) {
      out.push(
        diagnosticAt(where, {
          severity: 'warning',
          code: 'report/evidence-missing',
          message: `佐证材料 ${item} 在仓库中不存在`,
          hint: '把文件一起提交（路径相对于台账仓库根目录），或改正路径',
        }),
      );
    }
  });
  return out;
}

/**
 * A completion date once reported stands: a later report may change it only with a stated reason
 * (completed_on_reason), and then it is flagged for the lead (a warning in validate, merge and check).
 */
function redatedCompletion(entry: ReportEntry, ref: MeasureRef, ctx: EntryContext): DiagnosticInput | undefined {
  const last = ctx.unit ? ref.measure.unit_reports?.[ctx.unit] : undefined;
  const before = last?.status === '已完成' ? last.completed_on : undefined;
  if (!before || !entry.completed_on || entry.completed_on === before || last!.month >= ctx.month) return undefined;
  const reason = entry.completed_on_reason?.trim();
  return reason
    ? {
        severity: 'warning',
        code: 'report/completion-redated',
        message: `具体措施 ${entry.id} 的完成日期由已报送的 ${before} 更正为 ${entry.completed_on}（理由：${reason}）`,
        hint: '牵头单位核对更正理由；合并后 ledger history 中可查',
      }
    : {
        code: 'report/completion-redated',
        message: `具体措施 ${entry.id} 已于 ${last!.month} 报送完成日期 ${before}，本次改成了 ${entry.completed_on}，但没有写明理由`,
        hint: `确需更正时在这一项加上 completed_on_reason: 更正的理由；否则保持 completed_on: ${before}`,
      };
}

/** Whether this report is where the unit finishes its part: not merged yet, and not already 已完成. */
function finishesNow(ref: MeasureRef, ctx: EntryContext): boolean {
  const last = ctx.unit ? ref.measure.unit_reports?.[ctx.unit] : undefined;
  if (!last) return true;
  return last.month < ctx.month && last.status !== '已完成';
}

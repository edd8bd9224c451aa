import type { MergeResult } from './run.js';
import { countBySeverity } from '../../core/model/diagnostic.js';
import type { MeasureChange } from '../../core/reports/merge-plan.js';
import { sameValue } from '../../core/model/same-value.js';
import type { Extension } from '../../core/model/schema.js';
import { renderDiagnosticLines } from '../../render/diagnostics.js';
import { MAX_VALUE_CHARS, safeText } from '../../render/safe-text.js';
import { pushAll } from '../../core/model/arrays.js';

export interface MergeTextOptions {
  /** Every change with the new progress texts; default: only status changes, completions and extension requests. */
  verbose?: boolean;
}

/**
 * The merge summary. By default only what matters to the lead: status changes
 * (new completions marked), new extension requests, one line per unit whose
 * report changed nothing visible, and a one-line total; `--verbose` adds the
 * rewritten progress of every measure.
 */
export function renderMergeText(result: MergeResult, options: MergeTextOptions = {}): string {
  const lines = renderDiagnosticLines(result.diagnostics);
  const { errors } = countBySeverity(result.diagnostics);
  if (errors > 0) {
    return [...lines, '', `共 ${errors} 个错误，未合并任何报送，台账没有改动。修正后重新运行 ledger merge。`].join(
      '\n',
    );
  }
  if (lines.length > 0) lines.push('');
  for (const skipped of result.skipped)
    lines.push(`已合并过，跳过：${skipped.file}（${skipped.unit} ${skipped.month}）`);
  const months = [...new Set(result.reports.map((r) => r.month))].sort();
  lines.push(
    `${result.dryRun ? '将合并' : '合并了'} ${result.reports.length} 份报送（${months
      .map(
        (m) =>
          `${m}：${result.reports
            .filter((r) => r.month === m)
            .map((r) => safeText(r.unit, { max: MAX_VALUE_CHARS }))
            .join('、')}`,
      )
      .join('；')}）`,
  );
  pushAll(lines, arrivalLines(result));
  if (result.plan.measures.length === 0) lines.push('台账没有变化：这些报送已经合并过了。');
  else if (options.verbose) pushAll(lines, verboseLines(result));
  else pushAll(lines, shortLines(result));
  if (result.plan.measures.length > 0) lines.push(totalLine(result));
  if (result.dryRun) lines.push('', '（--dry-run：只显示，未写入任何文件）');
  else if (result.written.length > 0)
    pushAll(lines, [
      '',
      `已写入 ${result.written.length} 个文件：`,
      ...result.written.map((file) => `  ${safeText(file)}`),
    ]);
  return lines.join('\n');
}

/** `收件：平罗县 2020-07 于 2020-07-17 收到，按时（报送日 2020-07-20）` for each mailed form. */
function arrivalLines(result: MergeResult): string[] {
  return result.reports.flatMap((r) =>
    r.arrival
      ? [
          `收件：${safeText(r.unit, { max: MAX_VALUE_CHARS })} ${r.month} 于 ${r.arrival.received} 收到，` +
            `${r.arrival.onTime ? '按时' : '迟报'}（报送日 ${r.arrival.due}）`,
        ]
      : [],
  );
}

function verboseLines(result: MergeResult): string[] {
  const changed = result.plan.measures.filter((m) => m.fields.length > 0);
  const lines = changed.flatMap(measureLines);
  const recordOnly = result.plan.measures.length - changed.length;
  if (recordOnly > 0) lines.push(`另有 ${recordOnly} 项具体措施只更新了单位报送记录（状态和工作完成情况不变）`);
  return lines;
}

/** One line per status change or new extension request; then one line per unit whose report changed no status. */
function shortLines(result: MergeResult): string[] {
  const lines: string[] = [];
  const loud = new Set<string>();
  for (const measure of result.plan.measures) {
    const status = measure.fields.find((f) => f.field === 'status');
    const extensions = measure.fields.find((f) => f.field === 'extensions');
    const news = extensions
      ? newRequests(extensions.before as Extension[] | undefined, extensions.after as Extension[])
      : [];
    if (!status && news.length === 0) continue;
    for (const unit of measure.units) loud.add(unit);
    if (status) {
      const done = status.after === '已完成' ? '（新完成）' : '';
      lines.push(`${measure.id} ${measure.title}：${String(status.before)} → ${String(status.after)}${done}`);
    }
    for (const e of news)
      lines.push(`${measure.id} ${measure.title}：${e.requested_by} 申请延期至 ${e.until}（待审批）`);
  }
  for (const report of result.reports) {
    if (loud.has(report.unit)) continue;
    const count = result.plan.measures.filter((m) => m.units.includes(report.unit)).length;
    lines.push(`${report.unit}（${report.month}）：${count} 项措施更新了报送，状态无变化`);
  }
  return lines;
}

function totalLine(result: MergeResult): string {
  const measures = result.plan.measures;
  const status = measures.filter((m) => m.fields.some((f) => f.field === 'status'));
  const done = status.filter((m) => m.fields.some((f) => f.field === 'status' && f.after === '已完成')).length;
  const requests = measures.reduce((n, m) => {
    const f = m.fields.find((x) => x.field === 'extensions');
    return n + (f ? newRequests(f.before as Extension[] | undefined, f.after as Extension[]).length : 0);
  }, 0);
  return `共 ${measures.length} 项措施有更新：状态变化 ${status.length} 项（新完成 ${done} 项），新延期申请 ${requests} 项。用 --verbose 查看全部内容`;
}

function newRequests(before: readonly Extension[] = [], after: readonly Extension[]): Extension[] {
  return after.filter((e, i) => e.state === '待审批' && !sameValue(before[i], e));
}

function measureLines(measure: MeasureChange): string[] {
  const lines = [safeText(`${measure.id} ${measure.title}`, { max: MAX_VALUE_CHARS })];
  if (measure.units.length > 0) lines.push(safeText(`    报送更新：${measure.units.join('、')}`));
  for (const { field, before, after } of measure.fields) {
    if (field === 'status') lines.push(`    状态：${String(before)} → ${String(after)}`);
    if (field === 'progress')
      pushAll(lines, ['    工作完成情况（按各单位最新报送重写）：', ...progressPreview(String(after ?? ''))]);
    if (field === 'milestones_met') lines.push(`    已完成时间节点：${String(before)} → ${String(after)}`);
    if (field === 'extensions') pushAll(lines, extensionLines(before as Extension[] | undefined, after as Extension[]));
  }
  return lines;
}

const PREVIEW_LINES = 6;
const PREVIEW_CHARS = 60;

/** The new 工作完成情况, indented: at most PREVIEW_LINES lines of PREVIEW_CHARS characters, the rest counted. */
export function progressPreview(text: string): string[] {
  const all = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => safeText(line));
  const shown = all.slice(0, PREVIEW_LINES).map((line) => {
    const chars = [...line];
    return `      ${chars.length > PREVIEW_CHARS ? `${chars.slice(0, PREVIEW_CHARS - 1).join('')}…` : line}`;
  });
  if (all.length > PREVIEW_LINES) shown.push(`      …（另有 ${all.length - PREVIEW_LINES} 行，完整内容见台账文件）`);
  return shown;
}

function extensionLines(before: readonly Extension[] = [], after: readonly Extension[]): string[] {
  return after
    .filter((e, i) => !sameValue(before[i], e))
    .map((e) => safeText(`    延期申请：${e.requested_by} 申请延期至 ${e.until}（${e.state}）：${e.reason}`));
}

export function renderMergeJson(result: MergeResult): string {
  const { errors, warnings } = countBySeverity(result.diagnostics);
  return JSON.stringify(
    {
      ok: errors === 0,
      errors,
      warnings,
      dryRun: result.dryRun,
      reports: result.reports,
      skipped: result.skipped,
      measures: result.plan.measures,
      written: result.written,
      diagnostics: result.diagnostics,
    },
    null,
    2,
  );
}

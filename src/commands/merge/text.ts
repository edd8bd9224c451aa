import type { MergeResult } from './run.js';
import { countBySeverity } from '../../core/diagnostic.js';
import type { MeasureChange } from '../../core/merge-plan.js';
import { sameValue } from '../../core/same-value.js';
import type { Extension } from '../../core/schema.js';
import { renderDiagnosticLines } from '../../render/diagnostics.js';
import { pushAll } from '../../core/arrays.js';

/** The merge summary: what each measure gets, or why nothing was merged. */
export function renderMergeText(result: MergeResult): string {
  const lines = renderDiagnosticLines(result.diagnostics);
  const { errors } = countBySeverity(result.diagnostics);
  if (errors > 0) {
    return [...lines, '', `共 ${errors} 个错误，未合并任何报送，台账没有改动。修正后重新运行 ledger merge。`].join(
      '\n',
    );
  }
  if (lines.length > 0) lines.push('');
  const months = [...new Set(result.reports.map((r) => r.month))].sort();
  lines.push(
    `${result.dryRun ? '将合并' : '合并了'} ${result.reports.length} 份报送（${months
      .map(
        (m) =>
          `${m}：${result.reports
            .filter((r) => r.month === m)
            .map((r) => r.unit)
            .join('、')}`,
      )
      .join('；')}）`,
  );
  if (result.plan.measures.length === 0) lines.push('台账没有变化：这些报送已经合并过了。');
  const changed = result.plan.measures.filter((m) => m.fields.length > 0);
  for (const measure of changed) pushAll(lines, measureLines(measure));
  const recordOnly = result.plan.measures.length - changed.length;
  if (recordOnly > 0) lines.push(`另有 ${recordOnly} 项具体措施只更新了单位报送记录（状态和工作完成情况不变）`);
  if (result.dryRun) lines.push('', '（--dry-run：只显示，未写入任何文件）');
  else if (result.written.length > 0)
    lines.push('', `已写入 ${result.written.length} 个文件：`, ...result.written.map((file) => `  ${file}`));
  return lines.join('\n');
}

function measureLines(measure: MeasureChange): string[] {
  const lines = [`${measure.id} ${measure.title}`];
  if (measure.units.length > 0) lines.push(`    报送更新：${measure.units.join('、')}`);
  for (const { field, before, after } of measure.fields) {
    if (field === 'status') lines.push(`    状态：${String(before)} → ${String(after)}`);
    if (field === 'progress')
      lines.push('    工作完成情况（按各单位最新报送重写）：', ...progressPreview(String(after ?? '')));
    if (field === 'milestones_met') lines.push(`    已完成时间节点：${String(before)} → ${String(after)}`);
    if (field === 'extensions') pushAll(lines, extensionLines(before as Extension[] | undefined, after as Extension[]));
  }
  return lines;
}

const PREVIEW_LINES = 6;
const PREVIEW_CHARS = 60;

/** The new 工作完成情况, indented: at most PREVIEW_LINES lines of PREVIEW_CHARS characters, the rest counted. */
export function progressPreview(text: string): string[] {
  const all = text.split('\n').filter((line) => line.trim() !== '');
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
    .map((e) => `    延期申请：${e.requested_by} 申请延期至 ${e.until}（${e.state}）：${e.reason}`);
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
      measures: result.plan.measures,
      written: result.written,
      diagnostics: result.diagnostics,
    },
    null,
    2,
  );
}

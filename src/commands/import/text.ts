import type { FileAction, ImportResult, PlanSummary } from './run.js';
import { renderDiagnosticLines } from '../../render/diagnostics.js';
import { hasErrors } from '../../core/model/diagnostic.js';
import type { Area } from '../../core/model/schema.js';

const ACTION_LABELS: Record<FileAction, string> = { create: '新建', update: '更新', unchanged: '未变', remove: '删除' };
const FORMAT_LABELS: Record<PlanSummary['format'], string> = {
  attachment: '纯文本（文件附件“工作台账”的展开文字）',
  'numbered-text': '纯文本（编号条目）',
  docx: 'Word 文档（.docx）',
  xlsx: 'Excel 工作簿（.xlsx）',
};
const SAMPLE_SIZE = 3;

export function renderImport(result: ImportResult, format: 'text' | 'json'): string {
  const measures = result.areas.reduce((n, a) => n + a.tasks.reduce((k, t) => k + t.measures.length, 0), 0);
  const tasks = result.areas.reduce((n, a) => n + a.tasks.length, 0);
  if (format === 'json') {
    return JSON.stringify(
      {
        version: 1,
        written: result.written,
        counts: { areas: result.areas.length, tasks, measures },
        kept: result.kept,
        files: result.files,
        ...(result.plan ? { plan: result.plan } : {}),
        diagnostics: result.diagnostics,
      },
      null,
      2,
    );
  }
  const changed = result.files.filter((f) => f.action !== 'unchanged');
  const lines = [
    ...renderDiagnosticLines(result.diagnostics),
    ...(result.plan ? planLines(result.plan, result.areas, !result.written) : []),
    `源文件中有 ${result.areas.length} 个主要指标、${tasks} 项目标任务、${measures} 项具体措施。`,
    ...changed.map((f) => `  ${ACTION_LABELS[f.action]} ${f.file}`),
  ];
  if (result.kept > 0) lines.push(`保留了 ${result.kept} 项具体措施的已有进展。`);
  lines.push(
    result.written
      ? `已写入 ${changed.length} 个文件。`
      : changed.length === 0 && !hasErrors(result.diagnostics)
        ? '台账与源文件一致，无需改动。'
        : '未写入任何文件。',
  );
  return lines.join('\n');
}

/** What was found in the plan: its format and year, a note on levels, a sample, what was left out. */
function planLines(plan: PlanSummary, areas: readonly Area[], preview: boolean): string[] {
  if (plan.format === 'attachment' && plan.newUnits.length === 0 && plan.defaulted.length === 0) return [];
  const year = plan.year !== undefined ? `；方案年份 ${plan.year}` : '';
  const lines = [`方案格式：${FORMAT_LABELS[plan.format]}${year}`];
  if (plan.levels === 2) lines.push('方案只有两级（主要指标、具体措施）：每个主要指标下设一项同名的目标任务。');
  if (preview)
    for (const m of areas.flatMap((a) => a.tasks.flatMap((t) => t.measures)).slice(0, SAMPLE_SIZE))
      lines.push(`  示例 ${m.id} ${m.title}｜${m.deadline}｜${m.units.join('、')}`);
  if (plan.skipped.length > 0) lines.push(`未列入台账的部分：${plan.skipped.join('；')}`);
  if (plan.defaulted.length > 0)
    lines.push(
      `${plan.defaulted.length} 项具体措施没有完成时限，使用了 --default-deadline：${plan.defaulted.join('、')}`,
    );
  if (plan.newUnits.length > 0)
    lines.push(
      `${preview ? '将登记' : '登记了'} ${plan.newUnits.length} 个新单位到 ledger/units.yaml：${plan.newUnits.join('、')}`,
    );
  return lines;
}

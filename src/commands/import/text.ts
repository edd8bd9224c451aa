import type { FileAction, ImportResult } from './run.js';
import { renderDiagnosticLines } from '../../render/diagnostics.js';

const ACTION_LABELS: Record<FileAction, string> = { create: '新建', update: '更新', unchanged: '未变', remove: '删除' };

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
        diagnostics: result.diagnostics,
      },
      null,
      2,
    );
  }
  const changed = result.files.filter((f) => f.action !== 'unchanged');
  const lines = [
    ...renderDiagnosticLines(result.diagnostics),
    `源文件中有 ${result.areas.length} 个主要指标、${tasks} 项目标任务、${measures} 项具体措施。`,
    ...changed.map((f) => `  ${ACTION_LABELS[f.action]} ${f.file}`),
  ];
  if (result.kept > 0) lines.push(`保留了 ${result.kept} 项具体措施的已有进展。`);
  lines.push(
    result.written
      ? `已写入 ${changed.length} 个文件。`
      : changed.length === 0
        ? '台账与源文件一致，无需改动。'
        : '未写入任何文件。',
  );
  return lines.join('\n');
}

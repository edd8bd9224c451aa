import type { CheckResult } from './run.js';
import type { PullRequestKind, ReportInPullRequest } from '../../core/review/pr-review.js';
import type { SourceLineLookup } from '../../io/source-lines.js';
import { boundDiagnostics, diagnosticJson, githubAnnotation, renderDiagnosticLines } from '../../render/diagnostics.js';
import { codeSpan, escapeCell, escapeInline } from '../../render/markdown.js';
import { MAX_VALUE_CHARS, safeMessage, safeText } from '../../render/safe-text.js';
import { pushAll } from '../../core/model/arrays.js';

export type CheckFormat = 'text' | 'json' | 'github' | 'markdown';

export const KIND_LABELS: Record<PullRequestKind, string> = {
  none: '不涉及台账（ledger/ 和 reports/ 都没有修改）',
  report: '报送（只修改 reports/）',
  merge: '合并（进展字段及其所依据的报送）',
  definition: '定义修改（措施文字、完成时限、责任部门、牵头单位、单位名录等）',
  mixed: '混合（定义修改与进展/报送混在一起，需要拆分）',
};

const CHANGE_LABELS = { added: '新增', modified: '修改', deleted: '删除' } as const;

export function renderCheck(result: CheckResult, format: CheckFormat, sourceLine?: SourceLineLookup): string {
  if (format === 'json') return renderJson(result);
  if (format === 'markdown') return renderMarkdown(result);
  const text = renderText(result, sourceLine);
  return format === 'github' ? [...boundDiagnostics(result.diagnostics).map(githubAnnotation), text].join('\n') : text;
}

function renderText(result: CheckResult, sourceLine?: SourceLineLookup): string {
  const lines = [
    `台账检查：与 ${result.base.rev}（${result.base.commit.slice(0, 7)}）比较`,
    `类型：${KIND_LABELS[result.kind]}`,
    ...(result.reports.length ? [`报送：${result.reports.map(reportText).join('；')}`] : []),
    ...(result.merged.length ? [`合并进台账：${mergedText(result)}措施的报送`] : []),
    ...completionLines(result).map((line) => line),
  ];
  const diagnostics = renderDiagnosticLines(result.diagnostics, sourceLine);
  return [...lines, ...(diagnostics.length ? ['', ...diagnostics] : []), '', verdict(result)].join('\n');
}

function reportText(r: ReportInPullRequest): string {
  return r.change === 'deleted'
    ? `${shown(r.unit)} ${r.month}（删除）`
    : `${shown(r.unit)} ${r.month}（${CHANGE_LABELS[r.change]}，${r.measures} 项措施）`;
}

function mergedText(result: CheckResult): string {
  return result.merged.map((m) => `${shown(m.unit)} ${m.measures} 项`).join('、');
}

function completionLines(result: CheckResult): string[] {
  const merged = result.completes.filter((c) => c.when === 'merged');
  const later = result.completes.filter((c) => c.when === 'after-merge');
  const list = (items: typeof merged) => items.map((c) => `${shown(c.id)} ${shown(c.title)}`).join('、');
  return [
    ...(merged.length ? [`新完成：${list(merged)}`] : []),
    ...(later.length ? [`合并后将完成：${list(later)}`] : []),
  ];
}

function verdict(result: CheckResult): string {
  const { errors, warnings } = result.summary;
  if (errors === 0) return `✓ 检查通过${warnings ? `（${warnings} 个警告）` : ''}`;
  return `✗ 检查未通过：共 ${errors} 个错误、${warnings} 个警告`;
}

/** A comment a CI bot can post on the pull request. */
function renderMarkdown(result: CheckResult): string {
  const { errors, warnings } = result.summary;
  const head = errors === 0 ? '### ✅ 台账检查通过' : `### ❌ 台账检查未通过（${errors} 个错误）`;
  const units = unitCounts(result.reports);
  const out = [
    head,
    '',
    `- **类型**：${KIND_LABELS[result.kind]}`,
    `- **基准**：${codeSpan(shown(result.base.rev))}（${result.base.commit.slice(0, 7)}）`,
  ];
  if (units.length)
    out.push(
      `- **报送**：${units.length} 个单位报送了 ${result.reports.reduce((n, r) => n + r.measures, 0)} 项措施的进展`,
    );
  if (result.merged.length) {
    const total = result.merged.reduce((n, m) => n + m.measures, 0);
    out.push(`- **合并进台账**：${result.merged.length} 个单位共 ${total} 项措施的报送（${mergedText(result)}）`);
  }
  const completes = completionLines(result);
  pushAll(
    out,
    completes.map((line) => `- **${line.replace('：', '**：')}`),
  );
  if (units.length) {
    out.push('', '| 单位 | 月份 | 措施数 | 变化 |', '| --- | --- | ---: | --- |');
    pushAll(out, [
      ...result.reports.map(
        (r) => `| ${escapeCell(shown(r.unit))} | ${escapeCell(r.month)} | ${r.measures} | ${CHANGE_LABELS[r.change]} |`,
      ),
    ]);
  }
  if (result.diagnostics.length) {
    out.push('', `<details${errors ? ' open' : ''}><summary>${errors} 个错误、${warnings} 个警告</summary>`, '');
    for (const d of boundDiagnostics(result.diagnostics)) {
      const where = d.line > 0 ? `${shown(d.file)}:${d.line}` : shown(d.file);
      const hint = d.hint ? `<br>→ ${escapeInline(safeMessage(d.hint))}` : '';
      out.push(
        `- ${d.severity === 'error' ? '❌' : '⚠️'} ${codeSpan(where)} ${escapeInline(safeMessage(d.message))}${hint}`,
      );
    }
    out.push('', '</details>');
  }
  return out.join('\n');
}

function unitCounts(reports: readonly ReportInPullRequest[]): string[] {
  return [...new Set(reports.filter((r) => r.change !== 'deleted').map((r) => r.unit))];
}

function renderJson(result: CheckResult): string {
  return JSON.stringify(
    {
      version: 1,
      ok: result.summary.errors === 0,
      base: result.base,
      kind: result.kind,
      definition_changes: result.definitionParts,
      progress_changes: result.progressParts,
      reports: result.reports,
      merged: result.merged,
      completes: result.completes,
      summary: result.summary,
      diagnostics: boundDiagnostics(result.diagnostics).map(diagnosticJson),
    },
    null,
    2,
  );
}

/** A name or title from the files, as shown in a summary line: escaped and cut. */
function shown(value: string): string {
  return safeText(value, { max: MAX_VALUE_CHARS });
}

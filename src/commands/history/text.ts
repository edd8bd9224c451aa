import type { HistoryResult } from './run.js';
import type { HistoryEntry } from '../../core/review/measure-history.js';
import { reportingUnits } from '../../core/review/status-log.js';
import { changeLines, formatValue } from '../../render/field-change.js';
import { actionsText, NO_COMMITS_TEXT } from '../../render/commit-credit.js';
import { commitActions } from '../../core/review/commit-actions.js';

export type HistoryFormat = 'text' | 'json';

export function renderHistory(result: HistoryResult, format: HistoryFormat): string {
  return format === 'json' ? renderJson(result) : renderText(result);
}

const KIND_LABELS = { created: '新增', changed: '修改', moved: '移动', deleted: '删除' } as const;

function renderText(result: HistoryResult): string {
  if (result.noCommits) return NO_COMMITS_TEXT;
  const head = `具体措施 ${result.id} ${result.title}（${result.file}）：${result.entries.length} 次提交修改过，最早的在前`;
  const blocks = result.entries.map(entryLines);
  const warnings = result.warnings.map((w) => `警告：${w}`);
  return [head, ...blocks.flatMap((lines) => ['', ...lines]), ...(warnings.length ? ['', ...warnings] : [])].join('\n');
}

function entryLines(entry: HistoryEntry): string[] {
  const { commit } = entry;
  const head = `${entry.day}  ${actionsText(commitActions(entry.changes), commit.author)}  ${commit.hash.slice(0, 7)}  ${commit.subject}`;
  if (entry.kind === 'created') return [head, `  ${KIND_LABELS.created}于 ${entry.file}：${createdSummary(entry)}`];
  if (entry.kind === 'deleted') return [head, `  ${KIND_LABELS.deleted}（从 ${entry.file} 中删去）`];
  const moved = entry.previousFile ? [`  ${KIND_LABELS.moved}：${entry.previousFile} → ${entry.file}`] : [];
  return [head, ...moved, ...entry.changes.flatMap((change) => changeLines(change))];
}

/** Units whose report records (各单位报送情况) the commit changed. */
function reportedBy(entry: HistoryEntry): string[] {
  const units = entry.changes
    .filter((c) => c.path[0] === 'unit_reports')
    .flatMap((c) => (c.path.length > 1 ? [String(c.path[1])] : reportingUnits(c.before, c.after)));
  return [...new Set(units)];
}

function createdSummary(entry: HistoryEntry): string {
  const value = (key: string) => entry.changes.find((c) => c.path[0] === key)?.after;
  return [
    `状态 ${formatValue(value('status'))}`,
    `完成时限 ${formatValue(value('deadline'))}`,
    `责任部门 ${formatValue(value('units'))}`,
  ].join('；');
}

/** Stable JSON (version 1): every entry with its commit and field changes. */
function renderJson(result: HistoryResult): string {
  const entries = result.entries.map((entry) => ({
    commit: entry.commit.hash,
    date: entry.commit.date,
    author: entry.commit.author,
    email: entry.commit.email,
    reported_by: reportedBy(entry),
    actions: commitActions(entry.changes),
    subject: entry.commit.subject,
    kind: entry.kind,
    file: entry.file,
    previous_file: entry.previousFile ?? null,
    changes: entry.changes.map((c) => ({
      field: c.path.join('.'),
      path: c.path,
      before: c.before ?? null,
      after: c.after ?? null,
    })),
  }));
  return JSON.stringify(
    {
      version: 1,
      id: result.id,
      title: result.title,
      file: result.file,
      entries,
      warnings: result.warnings,
      no_commits: result.noCommits === true,
    },
    null,
    2,
  );
}

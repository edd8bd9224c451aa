import { actionsText, NO_COMMITS_TEXT } from '../../render/commit-credit.js';
import type { LogResult } from './run.js';
import type { StatusChange } from '../../core/review/status-log.js';

/** Shared with `ledger history`: an empty repository is a normal state of a new ledger. */

export type LogFormat = 'text' | 'json';

export function renderLog(result: LogResult, format: LogFormat): string {
  return format === 'json' ? renderJson(result) : renderText(result);
}

function renderText(result: LogResult): string {
  const scope = result.unit ? `（${result.unit} 负责的措施）` : '';
  if (result.noCommits) return NO_COMMITS_TEXT;
  if (result.changes.length === 0) return `没有找到状态变化${scope}`;
  const lines = result.changes.map(changeLine);
  const done = result.changes.filter((c) => c.to === '已完成').length;
  const footer = `共 ${result.changes.length} 次状态变化${scope}，其中 ${done} 次变为已完成；最新的在前`;
  return [...lines, '', footer, ...result.warnings.map((w) => `警告：${w}`)].join('\n');
}

function changeLine(change: StatusChange): string {
  const from = change.from ?? '（新增）';
  return `${change.day}  ${change.id.padEnd(7)} ${from} → ${change.to}  ${change.title}  —— ${actionsText(change.actions, change.commit.author)} ${change.commit.hash.slice(0, 7)} ${change.commit.subject}`;
}

/** “市税务局报送，王芳合并”: the units whose reports made a change, beside who committed it. */
function renderJson(result: LogResult): string {
  const changes = result.changes.map((c) => ({
    id: c.id,
    title: c.title,
    area: c.area ?? null,
    units: c.units,
    file: c.file,
    from: c.from ?? null,
    to: c.to,
    date: c.commit.date,
    author: c.commit.author,
    email: c.commit.email,
    reported_by: c.reportedBy,
    actions: c.actions,
    commit: c.commit.hash,
    subject: c.commit.subject,
  }));
  return JSON.stringify(
    {
      version: 1,
      unit: result.unit ?? null,
      changes,
      warnings: result.warnings,
      no_commits: result.noCommits === true,
    },
    null,
    2,
  );
}

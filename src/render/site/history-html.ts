import type { HistoryEntry } from '../../core/review/measure-history.js';
import { changeLabel, formatValue, leafChanges } from '../field-change.js';
import { esc, multiline } from './html.js';

const KIND_LABELS = { created: '新增', changed: '修改', moved: '移动', deleted: '删除' } as const;

/**
 * A measure's change history from Git, newest first: date, author, commit, and what changed
 * field by field (the same changes `ledger history` prints). `entries` is undefined outside Git.
 */
export function historyHtml(entries: readonly HistoryEntry[] | undefined): string {
  if (entries === undefined) return '<p class="note">台账不在 Git 仓库中（或仓库还没有提交），没有修改历史。</p>';
  if (entries.length === 0)
    return '<p class="note">截至当天，Git 历史中没有修改过这项措施的提交（尚未提交，或提交晚于这一天）。</p>';
  const blocks = [...entries].reverse().map((entry) => {
    const { commit } = entry;
    const head = `<div class="history-head"><strong>${esc(entry.day)}</strong>　${esc(commit.author)}　<code>${esc(commit.hash.slice(0, 7))}</code>　${esc(commit.subject)}</div>`;
    return `<div class="history-entry">${head}<ul class="changes">${changeItems(entry)}</ul></div>`;
  });
  return `<p class="note">共 ${entries.length} 次提交修改过，最新的在前。</p>\n${blocks.join('\n')}`;
}

function changeItems(entry: HistoryEntry): string {
  if (entry.kind === 'created') {
    const value = (key: string) => formatValue(entry.changes.find((c) => c.path[0] === key)?.after);
    return `<li>${KIND_LABELS.created}于 ${esc(entry.file)}：状态 ${esc(value('status'))}；完成时限 ${esc(value('deadline'))}；责任部门 ${esc(value('units'))}</li>`;
  }
  if (entry.kind === 'deleted') return `<li>${KIND_LABELS.deleted}（从 ${esc(entry.file)} 中删去）</li>`;
  const moved = entry.previousFile
    ? [`<li>${KIND_LABELS.moved}：${esc(entry.previousFile)} → ${esc(entry.file)}</li>`]
    : [];
  const leaves = entry.changes.flatMap((change) => leafChanges(change));
  const items = leaves.map((leaf) => {
    const before = formatValue(leaf.before);
    const after = formatValue(leaf.after);
    const label = esc(changeLabel(leaf.path));
    if (before.length + after.length <= 40 && !`${before}${after}`.includes('\n'))
      return `<li>${label}：${esc(before)} → ${esc(after)}</li>`;
    return `<li>${label}：<div class="before">前：${multiline(before)}</div><div class="after">后：${multiline(after)}</div></li>`;
  });
  return [...moved, ...items].join('');
}

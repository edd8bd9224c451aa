import type { CommitAction } from '../core/review/commit-actions.js';
/** What `ledger log` and `ledger history` say when the repository has no commit yet. */
export const NO_COMMITS_TEXT = '还没有任何提交：台账的历史从第一次提交开始（git add -A && git commit -m "建立台账"）';

/** Who a change is owed to: the reporting units and the person who merged, or the committer alone. */
export function creditText(units: readonly string[], author: string): string {
  return units.length > 0 ? `${units.join('、')}报送，${author}合并` : author;
}

/**
 * A history entry's actions and the person who committed them: 合并 alone keeps the credit form
 * (市公安局报送，王五合并); otherwise each kind with the unit that acted, e.g. 核验销号：市审批局→市公安局（王五）.
 */
export function actionsText(actions: readonly CommitAction[], author: string): string {
  const only = actions.length === 1 ? actions[0]! : undefined;
  if (only?.kind === '合并') return creditText(only.units, author);
  if (only?.kind === '修改') return author;
  const parts = actions.map((action) => {
    if (action.kind === '合并') return `${action.units.join('、')}报送`;
    if (action.kind === '修改') return '修改';
    const about = action.units.length > 0 ? `→${action.units.join('、')}` : '';
    return `${action.kind}：${action.by ?? ''}${about}`;
  });
  return `${parts.join('；')}（${author}）`;
}

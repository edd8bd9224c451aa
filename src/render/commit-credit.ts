/** What `ledger log` and `ledger history` say when the repository has no commit yet. */
export const NO_COMMITS_TEXT = '还没有任何提交：台账的历史从第一次提交开始（git add -A && git commit -m "建立台账"）';

/** Who a change is owed to: the reporting units and the person who merged, or the committer alone. */
export function creditText(units: readonly string[], author: string): string {
  return units.length > 0 ? `${units.join('、')}报送，${author}合并` : author;
}

/** Where a decision went: the folder CODEOWNERS gives to the deciding unit. */
export function decisionLine(files: string | readonly string[] | undefined): string {
  const list = typeof files === 'string' ? [files] : (files ?? []);
  if (list.length === 0) return '';
  const shown = list.length === 1 ? list[0] : `${list[0]} 等 ${list.length} 个文件`;
  return `\n决定文件：${shown}（与台账的修改一起提交，由决定单位审核）`;
}

import {
  AS_OF_OPTION,
  EXIT_OK,
  EXIT_PROBLEMS,
  formatOption,
  warnIfShallow,
  writeOut,
  type CommandSpec,
} from '../../cli/spec.js';
import { parseAsOf } from '../../cli/date-options.js';

export const checkSpec: CommandSpec = {
  usage: 'check',
  summary: '检查合并请求（CI 用）：校验台账与报送，并与基准版本比较',
  description:
    '先像 ledger validate 一样检查当前工作区的台账和报送，再与 --base 所指版本（取两者的分叉点）比较，以下情况判为不通过：\n' +
    '  · 删除具体措施或更改其编号；修改或删除已经合并进台账的报送；\n' +
    '  · 台账中的 状态、工作完成情况、已完成的时间节点数、各单位报送情况 与 reports/ 中报送合并的结果不符（不能手工标记完成）；\n' +
    '  · 把定义修改（措施文字、完成时限、责任部门、牵头单位、单位名录）与进展/报送混在同一个合并请求中；\n' +
    '  · 报送了本单位不负责的措施。\n' +
    '同时给出摘要：合并请求的类型、哪些单位报送了多少项措施、哪些措施新完成。退出码：0 通过，1 不通过，2 用法或 Git 错误。',
  examples: [
    'ledger check --base origin/main',
    'ledger check --base origin/main --format github',
    'ledger check --base "$CI_MERGE_REQUEST_DIFF_BASE_SHA" --format markdown > comment.md',
  ],
  options: [
    { flags: '--base <rev>', description: '合并请求的目标版本（分支、标签或提交号），例如 origin/main' },
    formatOption(['text', 'json', 'github', 'markdown'], 'text'),
    AS_OF_OPTION,
  ],
  async run(_args, options, global) {
    const { UsageError } = await import('../../errors.js');
    if (typeof options.base !== 'string' || options.base === '')
      throw new UsageError('缺少 --base', '例如 ledger check --base origin/main');
    const { check } = await import('./run.js');
    const { renderCheck } = await import('./text.js');
    const { sourceLineReader } = await import('../../io/source-lines.js');
    const result = await check({
      root: global.root,
      cwd: global.cwd,
      base: options.base,
      asOf: parseAsOf(options.asOf),
    });
    await warnIfShallow(global.root);
    writeOut(
      renderCheck(result, options.format as 'text' | 'json' | 'github' | 'markdown', sourceLineReader(global.root)),
    );
    return result.summary.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};

import {
  AS_OF_OPTION,
  EXIT_OK,
  EXIT_PROBLEMS,
  formatOption,
  REV_OPTION,
  WORKTREE_OPTION,
  writeOut,
  versionOptions,
  type CommandSpec,
} from '../../cli/spec.js';
import { parseAsOf } from '../../cli/date-options.js';

export const showSpec: CommandSpec = {
  usage: 'show <id>',
  summary: '显示一项具体措施的全部内容，以及完成时限在当天的含义',
  description:
    '包括措施原文、完成时限、责任部门、牵头单位、状态、工作完成情况、备注、延期申请和各单位最近的报送。\n完成时限按 --as-of 当天解释：还剩几天、是否临期、逾期几天、当前是第几个时间节点、是否已批准延期。\n台账有错误时仍显示这项措施，末尾提示，退出码为 1。',
  examples: ['ledger show 1.1.2', 'ledger show 1.2.1 --as-of 2020-07-15', 'ledger show 5.1.1 --format json'],
  options: [AS_OF_OPTION, REV_OPTION, WORKTREE_OPTION, formatOption(['text', 'json'], 'text')],
  async run(args, options, global) {
    const { show } = await import('./run.js');
    const result = await show({
      root: global.root,
      cwd: global.cwd,
      asOf: parseAsOf(options.asOf),
      ...versionOptions(options),
      id: args[0] ?? '',
    });
    if (options.format === 'json') {
      const { renderJson } = await import('../../render/json.js');
      writeOut(renderJson(result));
    } else {
      const { renderShowText } = await import('./text.js');
      const { terminalWidth, wantsColor } = await import('../../render/terminal-style.js');
      writeOut(
        renderShowText(result, {
          color: wantsColor(process.stdout, process.env),
          width: terminalWidth(process.stdout, process.env),
        }),
      );
    }
    return result.problems > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};

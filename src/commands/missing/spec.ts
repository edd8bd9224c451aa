import {
  AS_OF_OPTION,
  EXIT_OK,
  EXIT_PROBLEMS,
  formatOption,
  writeFitted,
  warnIfShallow,
  writeOut,
  REV_OPTION,
  WORKTREE_OPTION,
  versionOptions,
  type CommandSpec,
} from '../../cli/spec.js';
import { parseAsOf, parseMonthArgument } from '../../cli/date-options.js';

export const missingSpec: CommandSpec = {
  usage: 'missing',
  summary: '列出某月未报送和迟报的单位',
  description:
    '应报单位：在台账中负责尚未完成的具体措施的单位（单位组按成员单位计）。\n' +
    '迟报：报送文件首次提交到 Git 的时间（提交时间，而非文件修改时间）晚于当月报送日（config.yaml 的 report_day，默认 20 日）。\n' +
    '台账不在 Git 仓库中时只列未报送的单位。\n' +
    '--fail-on missing：有单位未报送时退出码为 1（迟报不算），适合 CI 和报送日后的定时任务。',
  examples: [
    'ledger missing --month 2020-07',
    'ledger missing --month 2020-07 --format json',
    'ledger missing --month 2020-07 --fail-on missing',
    'ledger missing --month 2020-07 --lead 市审批局',
    'ledger missing --month 2020-07 --as-of 2020-07-31',
  ],
  options: [
    { flags: '--month <YYYY-MM>', description: '报送月份，默认本月' },
    { flags: '--lead <unit>', description: '只看该单位牵头的目标任务的责任单位' },
    { flags: '--fail-on <what>', description: '有单位未报送时退出码为 1（迟报不算）', choices: ['missing'] },
    { ...AS_OF_OPTION, description: '按哪一天的台账和报送计算（YYYY-MM-DD）：只算当天已提交的报送，默认今天' },
    REV_OPTION,
    WORKTREE_OPTION,
    formatOption(['text', 'json'], 'text'),
  ],
  async run(_args, options, global) {
    const asOf = parseAsOf(options.asOf);
    const month = options.month ? parseMonthArgument(String(options.month)) : undefined;
    const { missing } = await import('./run.js');
    const { renderMissingText, renderMissingJson } = await import('./text.js');
    const result = await missing({
      root: global.root,
      cwd: global.cwd,
      month,
      asOf,
      ...versionOptions(options),
      lead: options.lead as string | undefined,
    });
    await warnIfShallow(global.root);
    if (options.format === 'json') writeOut(renderMissingJson(result));
    else await writeFitted(renderMissingText(result), 4);
    return (result.problems ?? 0) > 0 || (options.failOn === 'missing' && result.missing > 0) ? EXIT_PROBLEMS : EXIT_OK;
  },
};

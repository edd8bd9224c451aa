import { AS_OF_OPTION, EXIT_OK, formatOption, writeOut, WORKTREE_OPTION, type CommandSpec } from '../../cli/spec.js';
import { parseAsOf, parseMonthArgument } from '../../cli/date-options.js';

export const trendSpec: CommandSpec = {
  usage: 'trend',
  summary: '月度走势：每月月底的已完成、推进中、未启动、逾期、严重逾期、新完成和报送率',
  description:
    '每个月取该月月底已提交的台账（与 ledger status --as-of 月底 相同的版本和数字），按月排成一张表；\n' +
    '当月取 --as-of 那天。默认从第一份报送或台账的第一个完成时限所在的月份（不早于第一个提交）到 --as-of 所在月。\n' +
    '新完成：月底已完成、上月底尚未完成的措施数。报送率：当月应报单位中，在报送日（report_day）前提交了报送的比例；--by unit 时是该单位自己是否按时报送（0% 或 100%）。\n' +
    '--by area | lead | unit：每个主要指标、牵头单位或责任单位一行，给出最后一个月的数字和逐月走势（迷你图）。\n' +
    '历史经由一个 git cat-file --batch 进程读取，每项措施的每个字段按文本只解析一次（见 docs/history.md）。',
  examples: [
    'ledger trend',
    'ledger trend --from 2020-07 --to 2020-12',
    'ledger trend --by area',
    'ledger trend --by unit --lead 市审批局',
    'ledger trend --unit 市公安局 --format json',
    'ledger trend --format md > 走势.md',
  ],
  options: [
    { flags: '--from <YYYY-MM>', description: '第一个月，默认第一份报送或第一个完成时限所在月' },
    { flags: '--to <YYYY-MM>', description: '最后一个月，默认 --as-of 所在月' },
    {
      flags: '--by <grouping>',
      description: '分组：area（主要指标）| lead（牵头单位）| unit（责任单位）；默认整个台账',
      choices: ['area', 'lead', 'unit'],
    },
    { flags: '--area <area>', description: '只看一个主要指标：序号或标题中的词' },
    { flags: '--unit <unit>', description: '只看一个责任单位的措施' },
    { flags: '--lead <unit>', description: '只看一个牵头单位牵头的措施' },
    AS_OF_OPTION,
    WORKTREE_OPTION,
    formatOption(['text', 'json', 'md'], 'text'),
  ],
  async run(_args, options, global) {
    const { trend } = await import('./run.js');
    const result = await trend({
      root: global.root,
      cwd: global.cwd,
      asOf: parseAsOf(options.asOf),
      from: options.from === undefined ? undefined : parseMonthArgument(String(options.from), '--from'),
      to: options.to === undefined ? undefined : parseMonthArgument(String(options.to), '--to'),
      by: options.by as 'area' | 'lead' | 'unit' | undefined,
      area: options.area as string | undefined,
      unit: options.unit as string | undefined,
      lead: options.lead as string | undefined,
      worktree: Boolean(options.worktree),
    });
    if (options.format === 'json') {
      const { renderJson } = await import('../../render/json.js');
      writeOut(renderJson(result));
    } else if (options.format === 'md') {
      writeOut((await import('./text.js')).renderTrendMarkdown(result));
    } else {
      const { renderTrendText } = await import('./text.js');
      const { terminalWidth, wantsColor } = await import('../../render/terminal-style.js');
      writeOut(
        renderTrendText(result, {
          color: wantsColor(process.stdout, process.env),
          width: terminalWidth(process.stdout, process.env),
        }),
      );
    }
    return EXIT_OK;
  },
};

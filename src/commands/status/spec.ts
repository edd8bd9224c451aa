import {
  AS_OF_OPTION,
  EXIT_OK,
  EXIT_PROBLEMS,
  formatOption,
  parseCountArgument,
  writeOut,
  REV_OPTION,
  WORKTREE_OPTION,
  versionOptions,
  type CommandSpec,
} from '../../cli/spec.js';
import { parseAsOf } from '../../cli/date-options.js';

const WITHIN_OPTION = {
  flags: '--within <days>',
  description: '临期天数：距完成时限不足几天算临期，默认取台账设置 due_soon_days（30）',
};

export const statusSpec: CommandSpec = {
  usage: 'status',
  summary: '台账进度一览：按主要指标、责任单位或牵头单位统计完成、逾期和临期',
  description:
    '默认每个主要指标一行：措施数、已完成、推进中、未启动、逾期、临期、长期/适时、完成率和状态灯，末行合计。\n' +
    '--unit 单位：该单位承担的全部措施（包括经由单位组承担的，如 各县区 → 平罗县），逾期的排在前面。\n' +
    '--lead 单位：该单位牵头的目标任务逐项统计。--by unit / --by lead：每个责任单位 / 牵头单位一行。\n' +
    '逾期：完成时限（月底为该月最后一天，年底为 12 月 31 日）的次日起仍未完成；已批准的延期以延期日期为准。\n' +
    '状态灯：红 = 有逾期措施；黄 = 无逾期，但有临期措施或长期/适时事项未报进展；绿 = 其余。\n' +
    '灯会记住月末（按各月末当天已提交到 Git 的台账，与 --as-of 同一规则）：上月末逾期、之后才完成的措施，本月亮\n' +
    '黄（补齐）而不是绿，下个月末起不再计；一个主要指标或单位（--by unit）在连续几个月末都是红灯时注明“连续 N 个月红灯”\n' +
    '（N ≥ 2，从当天以前最近的月末往回数，当天是月末时算上当天）。没有提交历史时只看当天。\n' +
    '台账有错误时仍显示其余措施，末尾提示，退出码为 1。',
  examples: [
    'ledger status',
    'ledger status --as-of 2020-07-15',
    'ledger status --unit 市税务局',
    'ledger status --unit 中级法院 --format json',
    'ledger status --lead 市审批局',
    'ledger status --by unit --within 14',
    'ledger status --as-of 2020-09-30 --by unit   # 连续 N 个月红灯的单位',
  ],
  options: [
    { flags: '--unit <unit>', description: '只看一个责任单位的措施（规范名称或别称）' },
    { flags: '--lead <unit>', description: '只看一个牵头单位牵头的目标任务' },
    {
      flags: '--by <grouping>',
      description: '分组方式：area（主要指标，默认）| unit（责任单位）| lead（牵头单位）',
      choices: ['area', 'unit', 'lead'],
    },
    WITHIN_OPTION,
    AS_OF_OPTION,
    REV_OPTION,
    WORKTREE_OPTION,
    formatOption(['text', 'json'], 'text'),
  ],
  async run(_args, options, global) {
    const { status } = await import('./run.js');
    const result = await status({
      root: global.root,
      cwd: global.cwd,
      asOf: parseAsOf(options.asOf),
      ...versionOptions(options),
      unit: options.unit as string | undefined,
      lead: options.lead as string | undefined,
      by: options.by as 'area' | 'unit' | 'lead' | undefined,
      within: options.within === undefined ? undefined : parseCountArgument(String(options.within), '--within'),
    });
    if (options.format === 'json') {
      const { renderJson } = await import('../../render/json.js');
      writeOut(renderJson(result));
    } else {
      const { renderStatusText, renderSupervisionLines } = await import('./text.js');
      const { terminalWidth, wantsColor } = await import('../../render/terminal-style.js');
      const { renderStatusReports } = await import('./reports-text.js');
      const width = terminalWidth(process.stdout, process.env);
      writeOut(renderStatusText(result, { color: wantsColor(process.stdout, process.env), width }));
      if (result.reports) writeOut(renderStatusReports(result.reports, width));
      const supervision = renderSupervisionLines(result);
      if (supervision) writeOut(supervision);
    }
    return result.problems > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};

import {
  writeErr,
  EXIT_OK,
  EXIT_PROBLEMS,
  formatOption,
  writeOut,
  REV_OPTION,
  WORKTREE_OPTION,
  type CommandSpec,
} from '../../cli/spec.js';
import { parseMonthArgument } from '../../cli/date-options.js';

export const summarySpec: CommandSpec = {
  usage: 'summary',
  summary: '生成报市发改委、市审批局的月度汇总（xlsx、Markdown 或 Word 通报）',
  description:
    '内容：总体情况（措施数、已完成、推进中、未启动、逾期、下月到期）、各主要指标完成率和状态灯、逾期措施清单、\n' +
    '本月完成的措施、下月到期的措施、各单位报送情况（有报送文件时）、牵头单位汇总、责任单位通报排名。\n' +
    '数字与 ledger status 同一天的结果一致（同一套计算）。xlsx 每部分一个工作表；Markdown 每部分一节。\n' +
    '--format docx：A4 公文格式的 Word 通报（一到三页）：本月情况的文字、各主要指标完成情况图（有历史时加逐月趋势图）、\n' +
    '各主要指标、逾期措施、未按时报送的单位和责任单位通报排名；文字和数字与 Markdown 相同。--format json：全部数字。\n' +
    '--lead 单位：牵头单位自己的月度报告（只含它牵头的目标任务、这些任务的责任单位和报送情况）；--area：一个主要指标。\n' +
    '默认按该月的牵头单位报送日（config.yaml 的 lead_report_day，默认 25 日）计算，--as-of 可改。\n' +
    '较上月：总体数字和各主要指标与上月汇总（上月牵头单位报送日当天已提交的台账）比较，并列出本月状态变化的措施；没有上月版本时注明“较上月：无上月数据”。\n' +
    '状态灯记住月末（规则见 ledger status --help）：黄（补齐）、连续 N 个月红灯（各主要指标表、通报的“预警”列、通报开头的文字）。\n' +
    '--quarter 2020Q3：季度报告（见 docs/quarterly.md），默认按季度最后一天已提交的台账计算。\n' +
    '默认输出到当前目录的 月度汇总-<月份>.xlsx（或 .md；ledger init 建立的仓库在 .gitignore 中忽略这类文件名）；--out - 把 Markdown 写到标准输出。',
  examples: [
    'ledger summary --month 2020-07',
    'ledger summary --month 2020-07 --format md --out 月度汇总-2020-07.md',
    'ledger summary --month 2020-07 --format md --out -',
    'ledger summary --month 2020-12 --as-of 2020-12-31',
    'ledger summary --month 2020-07 --lead 市审批局 --format md --out -',
    'ledger summary --month 2020-07 --area 1',
    'ledger summary --month 2020-12 --format docx',
    'ledger summary --month 2020-12 --format json',
    'ledger summary --quarter 2020Q3 --format md --out -',
  ],
  options: [
    { flags: '--month <YYYY-MM>', description: '汇总月份（与 --quarter 二选一），例如 2020-07' },
    {
      flags: '--quarter <YYYYQn>',
      description: '季度报告（xlsx、md、docx、json）：本季度完成、季初与季末逾期、逐月情况、报送情况',
    },
    formatOption(['xlsx', 'md', 'docx', 'json'], 'xlsx'),
    { flags: '--out <file>', description: '输出文件；- 表示标准输出（md、json；json 默认写到标准输出）' },
    { flags: '--lead <unit>', description: '牵头单位自己的月度报告：只含该单位牵头的目标任务及其责任单位' },
    { flags: '--area <area>', description: '只汇总一个主要指标：序号或标题中的词（同 ledger render --area）' },
    { flags: '--as-of <date>', description: '按哪一天计算（YYYY-MM-DD），默认该月的牵头单位报送日（25 日）' },
    REV_OPTION,
    WORKTREE_OPTION,
  ],
  async run(_args, options, global) {
    if (options.quarter !== undefined) return (await import('./quarter-spec.js')).runQuarter(options, global);
    if (options.month === undefined) {
      const { UsageError } = await import('../../errors.js');
      throw new UsageError('缺少 --month 或 --quarter', '例如 ledger summary --month 2020-07 或 --quarter 2020Q3');
    }
    const { summary } = await import('./run.js');
    const { sharedSummaryOptions } = await import('./options.js');
    const result = await summary({
      ...sharedSummaryOptions(options, global),
      month: parseMonthArgument(String(options.month)),
    });
    if (result.diagnostics.length > 0) {
      const { renderLedgerErrors } = await import('../../render/diagnostics.js');
      writeErr(renderLedgerErrors(result.diagnostics, '未生成汇总'));
      return EXIT_PROBLEMS;
    }
    if (result.text !== undefined) writeOut(result.text);
    else {
      const h = result.summary!.headline;
      writeOut(
        `已生成 ${result.summary!.month} 月度汇总（截至 ${result.summary!.asOf}：${h.measures} 项措施，已完成 ${h.done}，逾期 ${h.overdue}）到 ${result.file}`,
      );
    }
    return EXIT_OK;
  },
};

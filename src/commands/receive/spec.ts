import { EXIT_OK, writeOut, type CommandSpec } from '../../cli/spec.js';
import { parseDateArgument, parseMonthArgument } from '../../cli/date-options.js';
import { UsageError } from '../../errors.js';
import { decisionLine } from '../shared/decision-line.js';

export const receiveSpec: CommandSpec = {
  usage: 'receive',
  summary: '牵头单位登记收到责任单位邮寄或送来的报送表（收件），按收到日期判断迟报',
  description:
    '责任单位的报送表由邮件、共享盘或纸质送来时，牵头单位在收到的当天登记：写一个收件决定文件\n' +
    'decisions/牵头单位/YYYY-MM/日期-收件-月份-单位.yaml，与台账一起提交。登记后，即使表格还没有合并，\n' +
    'missing、remind、status 和通报也按收到日期判断该单位是否按时报送。一份表格只登记一次；\n' +
    '日期不能晚于今天，也要在报送月份的 1 日至次月月底之间。合并时 ledger merge 表格 --received 日期 也会登记。',
  examples: [
    'ledger receive --unit 平罗县 --month 2020-07 --date 2020-07-17',
    'ledger receive --unit 惠农区 --month 2020-07 --by 市审批局',
  ],
  options: [
    { flags: '--unit <unit>', description: '报送单位（必填）' },
    { flags: '--month <YYYY-MM>', description: '报送月份（必填）' },
    { flags: '--date <YYYY-MM-DD>', description: '收到的日期，默认今天' },
    { flags: '--by <unit>', description: '登记单位，默认该单位所负责措施的第一个牵头单位' },
    { flags: '--dry-run', description: '只显示，不写入' },
  ],
  async run(_args, options, global) {
    if (options.unit === undefined || options.month === undefined)
      throw new UsageError(
        '缺少 --unit 或 --month',
        '例如 ledger receive --unit 平罗县 --month 2020-07 --date 2020-07-17',
      );
    const { receive } = await import('./run.js');
    const result = await receive({
      root: global.root,
      cwd: global.cwd,
      unit: String(options.unit),
      month: parseMonthArgument(String(options.month), '--month'),
      date: options.date === undefined ? undefined : parseDateArgument(String(options.date), '--date'),
      by: options.by as string | undefined,
      dryRun: Boolean(options.dryRun),
    });
    const head = `${result.unit} ${result.month} 的报送表：${result.date} 由 ${result.by} 收到`;
    writeOut(result.written ? `${head}${decisionLine(result.file)}` : `${head}\n（--dry-run：未写入）`);
    return EXIT_OK;
  },
};

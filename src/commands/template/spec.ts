import { EXIT_OK, formatOption, writeOut, type CommandSpec } from '../../cli/spec.js';
import { parseMonthArgument } from '../../cli/date-options.js';
import { UsageError } from '../../errors.js';

export const templateSpec: CommandSpec = {
  usage: 'template',
  summary: '生成某单位某月的报送表（预填上月已合并的状态和文字）',
  description:
    '报送表列出该单位负责的全部具体措施（包括通过“各县区”等单位组负责的），附措施名称和完成时限供参考，\n' +
    '并沿用该单位最近一次已合并的状态和工作完成情况。\n' +
    'yaml 格式默认写到 reports/YYYY-MM/单位.yaml（即报送文件本身的位置，填好后提交即可）；--out - 输出到终端。\n' +
    'xlsx 格式默认写到当前目录的 单位-YYYY-MM-报送表.xlsx：灰色列锁定，状态为下拉列表，填好后交牵头单位用 ledger merge 合并。\n' +
    '版式见 templates/report-form.json。',
  examples: [
    'ledger template --unit 市公安局 --month 2020-07',
    'ledger template --unit 公安局 --month 2020-07 --out -',
    'ledger template --unit 大武口区 --month 2020-07 --format xlsx',
    'ledger template --unit 市审批局 --month 2020-07 --format xlsx --out 审批局-7月.xlsx',
  ],
  options: [
    { flags: '--unit <unit>', description: '报送单位（规范名称或别称；单位组请写成员单位）' },
    { flags: '--month <YYYY-MM>', description: '报送月份' },
    formatOption(['yaml', 'xlsx'], 'yaml'),
    { flags: '--out <file>', description: '输出文件；- 表示标准输出（仅 yaml）' },
    { flags: '--force', description: '覆盖已存在的文件' },
  ],
  async run(_args, options, global) {
    if (!options.unit) throw new UsageError('缺少 --unit', '例如 --unit 市公安局');
    if (!options.month) throw new UsageError('缺少 --month', '例如 --month 2020-07');
    const { template } = await import('./run.js');
    const result = await template({
      root: global.root,
      cwd: global.cwd,
      unit: String(options.unit),
      month: parseMonthArgument(String(options.month)),
      format: options.format as 'yaml' | 'xlsx',
      out: options.out as string | undefined,
      force: Boolean(options.force),
    });
    if (result.text !== undefined) writeOut(result.text);
    else writeOut(`已生成 ${result.unit} ${result.month} 报送表（${result.measures} 项具体措施）：${result.written}`);
    return EXIT_OK;
  },
};

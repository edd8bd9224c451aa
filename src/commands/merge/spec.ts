import {
  AS_OF_OPTION,
  EXIT_OK,
  EXIT_PROBLEMS,
  formatOption,
  writeFitted,
  writeOut,
  type CommandSpec,
} from '../../cli/spec.js';
import { parseAsOf, parseDateArgument } from '../../cli/date-options.js';

export const mergeSpec: CommandSpec = {
  usage: 'merge <paths...>',
  summary: '把各单位的月度报送合并进台账（全部有效才合并）',
  description:
    '接受报送文件（.yaml 或填好的 .xlsx 报送表，reports/ 以外的须逐个给出）或 reports/ 下的文件夹（月份文件夹，或整个 reports/：每个单位每项措施取最新一份）；\n' +
    'reports/ 以外的文件夹（如仓库根目录）不接受，符号链接不跟随。先检查全部报送，只要有一个错误就什么都不改；\n' +
    '全部有效时，记录每个单位在各项措施上的最新报送，并重新推出措施的状态（取各责任单位最新状态中最落后的一个，\n' +
    '未报送的单位按“未启动”计）和工作完成情况（各单位最新文字，每单位一段）。延期申请记为“待审批”。\n' +
    '不在 reports/ 中的报送（如 xlsx）会另存为 reports/YYYY-MM/单位.yaml。重复合并同一报送不会产生任何变化。\n' +
    '退出码：0 成功，1 报送有错误（未合并），2 用法或读写错误。',
  examples: [
    'ledger merge reports/2020-07/',
    'ledger merge reports/',
    'ledger merge reports/2020-07/市公安局.yaml --dry-run',
    'ledger merge ~/下载/大武口区-2020-07-报送表.xlsx',
    'ledger merge ~/下载/平罗县-2020-07-报送表.xlsx --received 2020-07-18   # 邮寄来的报送表：按收到日期判断是否迟报',
    'ledger merge reports/2020-07/ --verbose',
  ],
  options: [
    { flags: '--dry-run', description: '只显示将要发生的变化，不写入' },
    {
      flags: '--received <YYYY-MM-DD>',
      description:
        '报送表（邮件、共享盘送来的）的收到日期，记入保存的报送（received_on）；missing、汇总和通报按它判断迟报',
    },
    { flags: '--verbose', description: '列出全部变化（默认只列状态变化、新完成、新延期申请，未变的单位各一行）' },
    AS_OF_OPTION,
    formatOption(['text', 'json'], 'text'),
  ],
  async run(args, options, global) {
    const { merge } = await import('./run.js');
    const { renderMergeText, renderMergeJson } = await import('./text.js');
    const result = await merge({
      root: global.root,
      cwd: global.cwd,
      paths: args,
      asOf: parseAsOf(options.asOf),
      dryRun: Boolean(options.dryRun),
      ...(options.received === undefined
        ? {}
        : { received: parseDateArgument(String(options.received), '--received') }),
    });
    if (options.format === 'json') writeOut(renderMergeJson(result));
    else await writeFitted(renderMergeText(result, { verbose: Boolean(options.verbose) }));
    return result.diagnostics.some((d) => d.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
  },
};

import {
  writeErr,
  AS_OF_OPTION,
  EXIT_OK,
  EXIT_PROBLEMS,
  formatOption,
  writeOut,
  REV_OPTION,
  WORKTREE_OPTION,
  versionOptions,
  type CommandSpec,
} from '../../cli/spec.js';
import { parseAsOf } from '../../cli/date-options.js';

export const renderSpec: CommandSpec = {
  usage: 'render',
  summary: '按文件附件的六列格式导出工作台账（xlsx 或 Markdown）',
  description:
    '六列与文件附件一致：主要指标 | 目标任务 | 具体措施及完成时限 | 责任部门 | 工作完成情况 | 备注；\n' +
    '主要指标和目标任务单元格纵向合并。xlsx 为 A3 横向、按页宽缩放打印，表头冻结并在每页重复，逾期措施标色；\n' +
    'Markdown 每个主要指标一节、一张表，可直接在 GitHub / GitLab / Gitee 上显示。\n' +
    '默认输出到当前目录的 台账-<日期>.xlsx（或 .md；ledger init 建立的仓库在 .gitignore 中忽略这类文件名）；--out - 把 Markdown 写到标准输出。\n' +
    '台账有错误时不输出任何文件，列出错误并以退出码 1 结束。',
  examples: [
    'ledger render --format xlsx',
    'ledger render --format xlsx --as-of 2020-07-25 --out 台账.xlsx',
    'ledger render --format md --out -',
    'ledger render --format md --unit 市税务局',
    'ledger render --format xlsx --area 1',
    'ledger render --format md --area 纳税 --out -',
    'ledger render --format xlsx --lead 市审批局',
  ],
  options: [
    formatOption(['xlsx', 'md'], 'xlsx'),
    { flags: '--out <file>', description: '输出文件；- 表示标准输出（仅 md）' },
    AS_OF_OPTION,
    REV_OPTION,
    WORKTREE_OPTION,
    { flags: '--unit <unit>', description: '只导出该单位负责的措施（含通过“各县区”等单位组负责的）' },
    { flags: '--lead <unit>', description: '只导出该单位牵头的目标任务（牵头单位自己的台账）' },
    { flags: '--area <area>', description: '只导出一个主要指标：序号或标题中的词（同 ledger overdue --area）' },
  ],
  async run(_args, options, global) {
    const { render } = await import('./run.js');
    const result = await render({
      root: global.root,
      cwd: global.cwd,
      asOf: parseAsOf(options.asOf),
      ...versionOptions(options),
      format: options.format as 'xlsx' | 'md',
      out: options.out as string | undefined,
      unit: options.unit as string | undefined,
      lead: options.lead as string | undefined,
      area: options.area === undefined ? undefined : String(options.area),
    });
    if (result.diagnostics.length > 0) {
      const { renderLedgerErrors } = await import('../../render/diagnostics.js');
      writeErr(renderLedgerErrors(result.diagnostics, '未导出'));
      return EXIT_PROBLEMS;
    }
    if (result.text !== undefined) writeOut(result.text);
    else
      writeOut(
        `已导出 ${result.table!.measureCount} 项具体措施（逾期 ${result.table!.overdueCount} 项）到 ${result.file}`,
      );
    return EXIT_OK;
  },
};

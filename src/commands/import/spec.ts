import { EXIT_OK, EXIT_PROBLEMS, formatOption, writeOut, type CommandSpec } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';

export const DEFAULT_SOURCE = 'source/石政规发〔2020〕5号.txt';

export const importSpec: CommandSpec = {
  usage: 'import [source]',
  summary: '从工作方案（Word 表格、Excel 分工台账或纯文本）导入工作台账，生成 ledger/NN-标题.yaml',
  description:
    `不给源文件时使用仓库中的 ${DEFAULT_SOURCE}。按内容识别格式（不看扩展名）：\n` +
    '.docx 中的表格（表头按含义识别：主要指标、目标任务、具体措施、完成时限、牵头单位、责任单位……），\n' +
    '.xlsx 分工台账，纯文本（文件附件的展开文字，或以“（牵头单位：…；责任单位：…）”结尾的编号条目）。详见 docs/import.md。\n' +
    '单位按单位名录识别；名录中没有的单位列出一次并给出次数，--new-units 把它们登记进 units.yaml。\n' +
    '没有写年份的时限（“6月底完成”）按方案标题中的年份或 --year；没有时限的措施用 --default-deadline，否则逐项列出。\n' +
    '已有进展（状态、工作完成情况、备注、报送记录、延期）按具体措施编号保留；\n' +
    '若某项已有进展的措施在源文件中不存在，则拒绝导入，不写任何文件。\n' +
    '--check 只比较：台账的定义部分与源文件不一致时退出码为 1（适合 CI）。',
  examples: [
    'ledger import',
    'ledger import 2021年工作方案.docx --dry-run',
    'ledger import 分工台账.xlsx --new-units --default-deadline 2021年底前',
    'ledger import 方案.txt --year 2021',
    'ledger import --check',
  ],
  options: [
    { flags: '--check', description: '只检查台账定义是否与源文件一致，不写文件' },
    { flags: '--dry-run', description: '只显示找到了什么（各级数量、示例、有疑问之处）和将要改动的文件，不写文件' },
    { flags: '--new-units', description: '把单位名录中没有的单位登记进 ledger/units.yaml（每个一次）' },
    { flags: '--year <year>', description: '方案年份，用于没有写年份的时限（默认取自方案标题）' },
    { flags: '--default-deadline <text>', description: '没有完成时限的措施统一使用的时限，例如 2021年底前' },
    formatOption(['text', 'json'], 'text'),
  ],
  async run(args, options, global) {
    const { importLedger } = await import('./run.js');
    const { renderImport } = await import('./text.js');
    const result = await importLedger({
      root: global.root,
      cwd: global.cwd,
      source: args[0] ?? DEFAULT_SOURCE,
      check: Boolean(options.check),
      dryRun: Boolean(options.dryRun),
      newUnits: Boolean(options.newUnits),
      ...(options.year !== undefined ? { year: parseYear(String(options.year)) } : {}),
      ...(options.defaultDeadline !== undefined ? { defaultDeadline: String(options.defaultDeadline) } : {}),
    });
    writeOut(renderImport(result, options.format as 'text' | 'json'));
    return result.diagnostics.some((d) => d.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
  },
};

function parseYear(value: string): number {
  if (!/^20\d{2}$/.test(value)) throw new UsageError(`--year 需要四位年份，收到“${value}”`, '例如 --year 2021');
  return Number(value);
}

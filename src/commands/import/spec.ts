import { EXIT_OK, EXIT_PROBLEMS, formatOption, writeOut, type CommandSpec } from '../../cli/spec.js';

export const DEFAULT_SOURCE = 'source/石政规发〔2020〕5号.txt';

export const importSpec: CommandSpec = {
  usage: 'import [source]',
  summary: '从文件方案正文（纯文本）导入工作台账，生成 ledger/NN-标题.yaml',
  description:
    `不给源文件时使用仓库中的 ${DEFAULT_SOURCE}。\n` +
    '已有进展（状态、工作完成情况、备注、报送记录、延期）按具体措施编号保留；\n' +
    '若某项已有进展的措施在源文件中不存在，则拒绝导入，不写任何文件。\n' +
    '--check 只比较：台账的定义部分与源文件不一致时退出码为 1（适合 CI）。',
  examples: ['ledger import', `ledger import ${DEFAULT_SOURCE} --dry-run`, 'ledger import --check'],
  options: [
    { flags: '--check', description: '只检查台账定义是否与源文件一致，不写文件' },
    { flags: '--dry-run', description: '只显示将要改动的文件，不写文件' },
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
    });
    writeOut(renderImport(result, options.format as 'text' | 'json'));
    return result.diagnostics.some((d) => d.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
  },
};

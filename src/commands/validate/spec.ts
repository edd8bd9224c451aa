import { AS_OF_OPTION, EXIT_OK, EXIT_PROBLEMS, formatOption, writeOut, type CommandSpec } from '../../cli/spec.js';
import { parseAsOf } from '../../cli/date-options.js';

export const validateSpec: CommandSpec = {
  usage: 'validate [paths...]',
  summary: '检查台账和报送文件：格式、编号、完成时限、单位名称',
  description:
    '一次列出全部问题（不止第一个），每条带 文件:行:列、代码和修改建议。\n' +
    '不给路径时检查整个台账目录 ledger/ 以及 reports/ 下的全部报送文件；给出文件或目录时只报告其中的问题。\n' +
    '退出码：0 无错误，1 有错误，2 用法或读写错误。',
  examples: [
    'ledger validate',
    'ledger validate ledger/01-持续深化商事制度改革.yaml',
    'ledger validate --format json',
    'ledger validate --format github',
  ],
  options: [formatOption(['text', 'json', 'github'], 'text'), AS_OF_OPTION],
  async run(args, options, global) {
    const { validate } = await import('./run.js');
    const { renderDiagnostics } = await import('../../render/diagnostics.js');
    const { sourceLineReader } = await import('../../io/source-lines.js');
    const result = await validate({ root: global.root, cwd: global.cwd, paths: args, asOf: parseAsOf(options.asOf) });
    const { terminalWidth } = await import('../../render/terminal-style.js');
    const format = options.format as 'text' | 'json' | 'github';
    const width = format === 'text' ? terminalWidth(process.stdout, process.env) : undefined;
    writeOut(renderDiagnostics(result, format, sourceLineReader(global.root), width));
    return result.summary.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};

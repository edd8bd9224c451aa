import { EXIT_OK, formatOption, writeFitted, writeOut, type CommandSpec, warnIfShallow } from '../../cli/spec.js';

export const historySpec: CommandSpec = {
  usage: 'history <id>',
  summary: '一项具体措施的修改历史：每次提交的日期、作者、说明和逐字段的前后变化',
  description:
    '从 Git 历史中找出修改过这项措施的每一次提交（最早的在前），逐字段列出 状态、工作完成情况、备注、完成时限、责任部门、各单位报送情况 等的前后变化。\n' +
    '主要指标文件用 git mv 改名后仍能接续。只包含已提交的修改。',
  examples: ['ledger history 1.1.1', 'ledger history 2.3.1 --format json'],
  options: [formatOption(['text', 'json'], 'text')],
  async run(args, options, global) {
    const { history } = await import('./run.js');
    const { renderHistory } = await import('./text.js');
    const result = await history({ root: global.root, cwd: global.cwd, id: args[0] ?? '' });
    await warnIfShallow(global.root);
    const text = renderHistory(result, options.format as 'text' | 'json');
    if (options.format === 'json') writeOut(text);
    else await writeFitted(text, 4);
    return EXIT_OK;
  },
};

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

export const overdueSpec: CommandSpec = {
  usage: 'overdue',
  summary: '列出逾期的具体措施（--within N 同时列出临期），逾期最久的在前',
  description:
    '每行：编号、具体措施、完成时限、逾期天数、责任单位、牵头单位。\n' +
    '逾期：完成时限（月底为该月最后一天，年底为 12 月 31 日）的次日起仍未标为已完成；已批准的延期以延期日期为准。\n' +
    '多个时间节点的措施（如“2020年6月底、7月底前”）以第一个未完成的节点计。逾期最久的排在最前。\n' +
    '--fail-on overdue：有逾期措施时退出码为 1，适合 CI 和定时任务。台账本身有错误时退出码也为 1。',
  examples: [
    'ledger overdue',
    'ledger overdue --as-of 2020-07-01',
    'ledger overdue --unit 平罗县 --within 14',
    'ledger overdue --lead 市审批局 --area 1',
    'ledger overdue --fail-on overdue --format json',
  ],
  options: [
    { flags: '--unit <unit>', description: '只看这个单位负责的措施（含经由单位组负责的）' },
    { flags: '--lead <unit>', description: '只看这个单位牵头的措施' },
    { flags: '--area <area>', description: '只看一个主要指标：序号或标题中的词' },
    { flags: '--within <days>', description: '同时列出几天内到期（临期）的措施' },
    { flags: '--fail-on <what>', description: '有逾期措施时退出码为 1', choices: ['overdue'] },
    AS_OF_OPTION,
    REV_OPTION,
    WORKTREE_OPTION,
    formatOption(['text', 'json'], 'text'),
  ],
  async run(_args, options, global) {
    const { overdue } = await import('./run.js');
    const result = await overdue({
      root: global.root,
      cwd: global.cwd,
      asOf: parseAsOf(options.asOf),
      ...versionOptions(options),
      unit: options.unit as string | undefined,
      lead: options.lead as string | undefined,
      area: options.area as string | undefined,
      within: options.within === undefined ? undefined : parseCountArgument(String(options.within), '--within'),
    });
    if (options.format === 'json') {
      const { renderJson } = await import('../../render/json.js');
      writeOut(renderJson(result));
    } else {
      const { renderOverdueText } = await import('./text.js');
      const { terminalWidth, wantsColor } = await import('../../render/terminal-style.js');
      writeOut(
        renderOverdueText(result, {
          color: wantsColor(process.stdout, process.env),
          width: terminalWidth(process.stdout, process.env),
        }),
      );
    }
    return result.problems > 0 || (options.failOn === 'overdue' && result.overdue > 0) ? EXIT_PROBLEMS : EXIT_OK;
  },
};

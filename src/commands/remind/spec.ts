import {
  AS_OF_OPTION,
  EXIT_OK,
  REV_OPTION,
  versionOptions,
  WORKTREE_OPTION,
  EXIT_PROBLEMS,
  formatOption,
  parseCountArgument,
  writeOut,
  type CommandSpec,
} from '../../cli/spec.js';
import { parseAsOf, parseMonthArgument } from '../../cli/date-options.js';
import { UsageError } from '../../errors.js';

export const remindSpec: CommandSpec = {
  usage: 'remind',
  summary: '给各单位的提醒：本月未报送、本单位逾期和即将到期的事项，可直接粘贴到消息或 OA 通知',
  description:
    '每个单位一段，用平实的句子，不用宽表格，手机上也能看：\n' +
    '  本月进展未报送（应报日期、已过几天）；本单位自己逾期未完成的部分（逾期天数）；即将到期的部分。\n' +
    '只按单位自己的部分计算：其他单位没完成的不算在它头上。没有需要提醒的单位不列出。\n' +
    '--lead 单位：只提醒该单位牵头的目标任务的责任单位（牵头单位催报用）。',
  examples: [
    'ledger remind --as-of 2020-07-22',
    'ledger remind --month 2020-08 --as-of 2020-08-18 --unit 市公安局',
    'ledger remind --lead 市审批局 --format md --as-of 2020-07-22',
  ],
  options: [
    { flags: '--month <YYYY-MM>', description: '报送月份，默认 --as-of 所在月份' },
    { flags: '--unit <unit>', description: '只看一个责任单位' },
    { flags: '--lead <unit>', description: '只看该单位牵头的目标任务的责任单位' },
    { flags: '--within <days>', description: '即将到期：几天内到期，默认 config.yaml 的 due_soon_days（30）' },
    AS_OF_OPTION,
    REV_OPTION,
    WORKTREE_OPTION,
    formatOption(['text', 'md', 'json'], 'text'),
  ],
  async run(_args, options, global) {
    if (options.unit !== undefined && options.lead !== undefined)
      throw new UsageError('--unit 和 --lead 只能选一个', '例如 ledger remind --unit 市公安局');
    const { remind } = await import('./run.js');
    const result = await remind({
      root: global.root,
      cwd: global.cwd,
      asOf: parseAsOf(options.asOf),
      month: options.month === undefined ? undefined : parseMonthArgument(String(options.month)),
      unit: options.unit as string | undefined,
      lead: options.lead as string | undefined,
      within: options.within === undefined ? undefined : parseCountArgument(String(options.within), '--within'),
      ...versionOptions(options),
    });
    if (result.diagnostics.length > 0) {
      const { renderLedgerErrors } = await import('../../render/diagnostics.js');
      process.stderr.write(renderLedgerErrors(result.diagnostics, '未生成提醒'));
      return EXIT_PROBLEMS;
    }
    const text = await import('./text.js');
    const { renderJson } = await import('../../render/json.js');
    const format = options.format as string;
    writeOut(
      format === 'json'
        ? renderJson(result)
        : format === 'md'
          ? text.renderRemindMarkdown(result)
          : text.renderRemindText(result),
    );
    return EXIT_OK;
  },
};

import { monthLastDay } from '../../core/model/calendar.js';
import { UsageError } from '../../errors.js';
import { EXIT_OK, formatOption, warnIfShallow, writeFitted, writeOut, type CommandSpec } from '../../cli/spec.js';
import { parseDateArgument, parseMonthArgument } from '../../cli/date-options.js';

/** “2020-07-24  ” */
const LOG_HANG = 12;

/** --since/--until, or --month as the whole month (not together: which would win is not obvious). */
function dateRange(options: Record<string, unknown>): { since?: string; until?: string } {
  if (options.month !== undefined) {
    if (options.since || options.until)
      throw new UsageError('--month 不能与 --since 或 --until 同时使用', '例如 ledger log --month 2020-09');
    const month = parseMonthArgument(String(options.month));
    return { since: `${month}-01`, until: monthLastDay(month) };
  }
  return {
    ...(options.since ? { since: parseDateArgument(String(options.since), '--since') } : {}),
    ...(options.until ? { until: parseDateArgument(String(options.until), '--until') } : {}),
  };
}

export const logSpec: CommandSpec = {
  usage: 'log',
  summary: '台账状态变化时间线：哪项措施何时由谁从什么状态改成什么状态（最新的在前）',
  description:
    '读取 Git 历史，列出每一次具体措施状态（未启动 / 推进中 / 已完成）的变化。日期按提交的作者日期计算，--since 与 --until 都包含当天。',
  examples: [
    'ledger log',
    'ledger log --since 2020-08-01 --until 2020-08-31',
    'ledger log --month 2020-09',
    'ledger log --unit 市公安局',
    'ledger log --area 3 --format json',
    'ledger log --area 不动产',
  ],
  options: [
    { flags: '--since <date>', description: '只列出这一天（含）之后的变化，YYYY-MM-DD' },
    {
      flags: '--until <date>',
      description: '只列出这一天（含）之前的变化，YYYY-MM-DD（不存在的日期如 2020-09-31 会被拒绝）',
    },
    { flags: '--month <YYYY-MM>', description: '只列出这个月的变化（同 --since 月初 --until 月末）' },
    { flags: '--unit <unit>', description: '只列出该单位负责的措施（直接负责或通过单位组，如 各县区）' },
    { flags: '--area <area>', description: '只列出一个主要指标的措施：序号或标题中的词（同 ledger overdue --area）' },
    formatOption(['text', 'json'], 'text'),
  ],
  async run(_args, options, global) {
    const { log } = await import('./run.js');
    const { renderLog } = await import('./text.js');
    const result = await log({
      root: global.root,
      cwd: global.cwd,
      ...dateRange(options),
      ...(options.unit ? { unit: String(options.unit) } : {}),
      ...(options.area !== undefined ? { area: String(options.area) } : {}),
    });
    await warnIfShallow(global.root);
    const text = renderLog(result, options.format as 'text' | 'json');
    // A change folds under its id, after the date: the day column stays clear for the eye.
    if (options.format === 'json') writeOut(text);
    else await writeFitted(text, LOG_HANG);
    return EXIT_OK;
  },
};

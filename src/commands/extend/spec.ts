import { decisionLine } from '../shared/decision-line.js';
import { UsageError } from '../../errors.js';
import { EXIT_OK, EXIT_PROBLEMS, parseLineArgument, writeOut, type CommandSpec } from '../../cli/spec.js';
import { parseDateArgument } from '../../cli/date-options.js';

export const extendSpec: CommandSpec = {
  usage: 'extend <id>',
  summary: '审批具体措施的延期申请（批准或驳回），记入台账',
  description:
    '延期申请由责任单位在月度报送中填写，经 ledger merge 记为“待审批”。牵头单位用本命令批准或驳回，\n' +
    '结果（日期、审批人、意见）写在该措施的 extensions 中，提交后由 Git 记录是谁批准的。\n' +
    '审批单位不能是申请单位：其他责任单位的申请由牵头单位审批，牵头单位自己的申请由督办单位\n' +
    '（config.yaml 的 supervisors，默认 市发改委、市审批局）审批，用 --by 指明。\n' +
    '批准后只延长申请单位自己那一部分的时限；文件原定的完成时限始终照原样显示。',
  examples: [
    'ledger extend 1.1.1 --approve --reason 系统改造需跨年度实施',
    'ledger extend 1.2.1 --reject --reason 时限不变，请加快推进 --by 市审批局',
    'ledger extend 3.2.1 --approve --by 市发改委   # 牵头单位自己的申请由督办单位审批',
    'ledger extend 1.1.1 --approve --unit 大武口区 --date 2020-07-25',
  ],
  options: [
    { flags: '--approve', description: '批准' },
    { flags: '--reject', description: '驳回' },
    { flags: '--reason <text>', description: '审批意见' },
    { flags: '--by <name>', description: '审批单位（名称或别称），默认为该措施的牵头单位；不能是申请单位' },
    { flags: '--date <YYYY-MM-DD>', description: '审批日期，默认今天' },
    { flags: '--unit <unit>', description: '有多个待审批申请时，指定申请单位' },
    { flags: '--dry-run', description: '只显示，不写入' },
  ],
  async run(args, options, global) {
    if (Boolean(options.approve) === Boolean(options.reject))
      throw new UsageError('请在 --approve 和 --reject 中选择一个', '例如 ledger extend 1.1.1 --approve');
    const { extend } = await import('./run.js');
    const result = await extend({
      root: global.root,
      cwd: global.cwd,
      id: args[0] ?? '',
      decision: options.approve ? 'approve' : 'reject',
      date: options.date === undefined ? undefined : parseDateArgument(String(options.date), '--date'),
      by: parseLineArgument(options.by, '--by'),
      reason: parseLineArgument(options.reason, '--reason'),
      unit: options.unit as string | undefined,
      dryRun: Boolean(options.dryRun),
    });
    if (result.refused) {
      process.stderr.write(`错误：${result.refused.message}\n  → ${result.refused.hint}\n（未写入任何文件）\n`);
      return EXIT_PROBLEMS;
    }
    const e = result.after!;
    writeOut(
      `${result.id} ${result.title}：${e.requested_by} 申请延期至 ${e.until} —— ${e.state}（${e.decided_by}，${e.decided_on}${e.decision_reason ? `，${e.decision_reason}` : ''}）${result.written ? `\n已写入 ${result.file}${decisionLine(result.decisionFile)}` : '\n（--dry-run：未写入）'}`,
    );
    return EXIT_OK;
  },
};

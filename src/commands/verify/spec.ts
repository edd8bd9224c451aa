import { decisionLine } from '../shared/decision-line.js';
import { EXIT_OK, EXIT_PROBLEMS, parseLineArgument, writeOut, type CommandSpec } from '../../cli/spec.js';
import { parseDateArgument } from '../../cli/date-options.js';
import { UsageError } from '../../errors.js';

export const verifySpec: CommandSpec = {
  usage: 'verify <id>',
  summary: '牵头单位核验责任单位报“已完成”的部分（销号），或退回',
  description:
    '责任单位报“已完成”后，由该措施的牵头单位（或督办单位，config.yaml 的 supervisors）核验：\n' +
    '核验通过即销号；--reject 退回时该单位的部分改回“推进中”，退回理由记入台账，ledger history 可查。\n' +
    '单位不能核验本单位的部分（牵头单位自己的部分由督办单位核验）。\n' +
    'config.yaml 设 require_verification: true 时，未核验的“已完成”在各视图中显示为“待核验”。',
  examples: [
    'ledger verify 1.1.2 --unit 市公安局',
    'ledger verify 1.1.2 --unit 市公安局 --reject --reason 佐证材料不全，请补充系统截图',
    'ledger verify 1.1.2 --unit 市审批局 --by 市发改委   # 牵头单位自己的部分由督办单位核验',
  ],
  options: [
    { flags: '--unit <unit>', description: '核验哪个责任单位的部分（必填）' },
    { flags: '--reject', description: '退回：改回“推进中”（须写 --reason）' },
    { flags: '--reason <text>', description: '核验意见或退回理由' },
    { flags: '--by <unit>', description: '核验单位，默认该措施的牵头单位；不能是被核验的单位' },
    { flags: '--date <YYYY-MM-DD>', description: '核验日期，默认今天' },
    { flags: '--dry-run', description: '只显示，不写入' },
  ],
  async run(args, options, global) {
    if (options.unit === undefined)
      throw new UsageError('缺少 --unit', `例如 ledger verify ${args[0] ?? '1.1.2'} --unit 市公安局`);
    const { verify } = await import('./run.js');
    const result = await verify({
      root: global.root,
      cwd: global.cwd,
      id: args[0] ?? '',
      unit: String(options.unit),
      reject: Boolean(options.reject),
      reason: parseLineArgument(options.reason, '--reason'),
      by: parseLineArgument(options.by, '--by'),
      date: options.date === undefined ? undefined : parseDateArgument(String(options.date), '--date'),
      dryRun: Boolean(options.dryRun),
    });
    if (result.diagnostics?.length) {
      const { renderLedgerErrors } = await import('../../render/diagnostics.js');
      process.stderr.write(renderLedgerErrors(result.diagnostics, '未核验'));
      return EXIT_PROBLEMS;
    }
    if (result.refused) {
      process.stderr.write(`错误：${result.refused.message}\n  → ${result.refused.hint}\n（未写入任何文件）\n`);
      return EXIT_PROBLEMS;
    }
    const head = `${result.id} ${result.title}（${result.unit}）`;
    if (result.unchanged) writeOut(`${head}：已核验过，台账未作修改`);
    else {
      const v = result.verification!;
      const what = v.state === '已核验' ? '核验通过，已销号' : `已退回，改为“推进中”：${v.reason}`;
      writeOut(
        `${head}：${what}（${v.by}，${v.on}）${result.written ? `\n已写入 ${result.file}${decisionLine(result.decisionFile)}` : '\n（--dry-run：未写入）'}`,
      );
    }
    return EXIT_OK;
  },
};

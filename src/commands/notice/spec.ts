import {
  EXIT_OK,
  EXIT_PROBLEMS,
  formatOption,
  parseLineArgument,
  REV_OPTION,
  versionOptions,
  WORKTREE_OPTION,
  writeOut,
  type CommandSpec,
} from '../../cli/spec.js';
import { parseDateArgument, parseMonthArgument } from '../../cli/date-options.js';
import path from 'node:path';
import { UsageError } from '../../errors.js';

export const noticeSpec: CommandSpec = {
  usage: 'notice',
  summary: '督办单：列出应发的蓝、黄、红三色督办单，--issue 发出并记入台账',
  description:
    '按各单位自己承担的部分（措施 × 责任单位）判断：\n' +
    '  蓝色督办（临期提醒）：尚未启动，距完成时限不足 notice_blue_days 天（默认 15）；\n' +
    '  黄色督办（逾期催办）：已过完成时限仍未完成；\n' +
    '  红色督办（挂牌督办）：逾期超过 notice_red_overdue_days 天（默认 60），或黄色督办 notice_red_after_days 天（默认 30）后仍未完成。\n' +
    '等级只升不降：已发过同级或更高等级的不重复发出，所以同一天运行两次 --issue 第二次不写任何内容。\n' +
    '每个单位每个等级一份督办单，编号 督办〔年份〕N号 按年顺排。--issue 把每份督办单记在对应措施的 notices 中，\n' +
    '用 git 提交后，ledger history / log 可查何时向谁发过什么督办单。阈值和发文单位在 config.yaml 中设置。\n' +
    '--month 月份：按该月牵头单位报送日（默认 25 日）计算；--as-of 指定具体日期。',
  examples: [
    'ledger notice --month 2020-08',
    'ledger notice --month 2020-08 --issue',
    'ledger notice --month 2020-08 --format md --out 督办单-2020-08.md',
    'ledger notice --month 2020-08 --issue --format docx --out 督办单-2020-08',
    'ledger notice --as-of 2020-09-25 --unit 市公安局 --format json',
  ],
  options: [
    { flags: '--month <YYYY-MM>', description: '督办月份：按该月牵头单位报送日计算' },
    { flags: '--as-of <date>', description: '按哪一天计算（YYYY-MM-DD），默认今天或 --month 的报送日' },
    { flags: '--unit <unit>', description: '只看一个责任单位' },
    { flags: '--by <office>', description: '发文单位，默认 config.yaml 的 notice_issuer（市政府督查室）' },
    { flags: '--issue', description: '发出：把新的督办单记入台账（之后用 git 提交）' },
    { ...REV_OPTION, description: `${REV_OPTION.description}（只用于列出，不与 --issue 同用）` },
    { ...WORKTREE_OPTION, description: `${WORKTREE_OPTION.description}（只用于列出；--issue 总是写入工作区）` },
    formatOption(['text', 'md', 'docx', 'json'], 'text'),
    {
      flags: '--out <path>',
      description: 'md/json/text：写到该文件；docx：每份督办单一个 Word 文件，写到该文件夹（默认 督办单-<日期>）',
    },
  ],
  async run(_args, options, global) {
    const { notice } = await import('./run.js');
    const month = options.month === undefined ? undefined : parseMonthArgument(String(options.month));
    const asOf = options.asOf === undefined ? undefined : parseDateArgument(String(options.asOf), '--as-of');
    const issue = Boolean(options.issue);
    if (issue && (options.rev !== undefined || options.worktree))
      throw new UsageError(
        '--issue 不能与 --rev 或 --worktree 同用',
        '督办单总是记入工作区的台账：去掉 --rev / --worktree',
      );
    const result = await notice({
      root: global.root,
      cwd: global.cwd,
      asOf,
      month,
      unit: options.unit as string | undefined,
      by: parseLineArgument(options.by, '--by'),
      issue,
      ...versionOptions(options),
    });
    if (result.diagnostics.length > 0) {
      const { renderLedgerErrors } = await import('../../render/diagnostics.js');
      process.stderr.write(renderLedgerErrors(result.diagnostics, '未生成督办单'));
      return EXIT_PROBLEMS;
    }
    const text = await import('./text.js');
    if (options.format === 'docx') {
      const { writeNoticeDocx } = await import('./run.js');
      const dir = path.resolve(global.cwd, String(options.out ?? `督办单-${result.plan!.asOf}`));
      const files = await writeNoticeDocx(result, global.root, dir);
      const list = files.map((file) => `  ${path.relative(global.cwd, file)}`).join('\n');
      writeOut(
        `${text.renderNoticeText(result, issue)}${files.length ? `\nWord 督办单 ${files.length} 份：\n${list}` : ''}`,
      );
      return EXIT_OK;
    }
    const { renderJson } = await import('../../render/json.js');
    const format = options.format as string;
    const output =
      format === 'json'
        ? renderJson({ ...result.plan, version: result.version, written: result.written })
        : format === 'md'
          ? text.renderNoticeMarkdown(result)
          : text.renderNoticeText(result, issue);
    if (options.out === undefined) writeOut(output);
    else {
      const { writeFileAtomically } = await import('../../io/atomic-file.js');
      const { exportPath } = await import('../../io/export-file.js');
      const file = exportPath({ root: global.root, cwd: global.cwd, out: String(options.out) }, '');
      writeFileAtomically(file, output);
      writeOut(`${text.renderNoticeText(result, issue)}\n督办单已写到 ${file}`);
    }
    return EXIT_OK;
  },
};

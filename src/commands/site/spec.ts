import {
  AS_OF_OPTION,
  EXIT_OK,
  EXIT_PROBLEMS,
  formatOption,
  REV_OPTION,
  versionOptions,
  WORKTREE_OPTION,
  writeOut,
  type CommandSpec,
} from '../../cli/spec.js';
import { parseAsOf } from '../../cli/date-options.js';

export const siteSpec: CommandSpec = {
  usage: 'site',
  summary:
    '生成静态网站：总览（状态灯、完成率、趋势）、各主要指标、牵头单位、责任单位、每项措施（含修改历史）、逾期清单、报送情况和搜索',
  description:
    '网站是一个文件夹里的 HTML 文件，不需要服务器：直接用浏览器打开 index.html（file://），或放到内网任一 Web 服务器上（CI 样例发布到 Pages）。\n' +
    '页面全部是中文 HTML，图表在生成时画成内嵌 SVG（Apache ECharts），不引用任何外部资源；不启用 JavaScript 也能看全部内容，脚本只增加排序、筛选和搜索。\n' +
    '每页都可打印（A4；总览一页横向）。台账和报送中的文字一律转义；佐证材料只对 http(s) 链接和仓库中的路径生成链接（路径需 --repo-url）。\n' +
    '--out 已存在且不是 ledger site 生成的文件夹（没有 .ledger-site 标记）时拒绝写入，除非加 --force；不会写 --out 以外的任何文件。\n' +
    '--as-of 为过去某天时，页面按那一天结束时提交的台账版本计算（与 ledger status --as-of 相同，见 docs/history.md），页脚写明台账版本；--worktree 用现在的台账按那一天的时限计算。',
  examples: [
    'ledger site',
    'ledger site --out public --as-of 2020-12-01',
    'ledger site --out 网站-2020-07 --as-of 2020-07-31 --worktree',
    'ledger site --repo-url https://git.example.gov.cn/city/ledger/-/blob/main',
    'ledger site --out 网站 --force',
  ],
  options: [
    { flags: '--out <dir>', description: '输出文件夹', defaultValue: 'site' },
    AS_OF_OPTION,
    REV_OPTION,
    WORKTREE_OPTION,
    { flags: '--force', description: '写入一个不是 ledger site 生成的已有文件夹（同名页面被替换，其余文件保留）' },
    { flags: '--repo-url <url>', description: '仓库文件的网址前缀（http/https），佐证材料中的仓库路径据此生成链接' },
    formatOption(['text', 'json'], 'text'),
  ],
  async run(_args, options, global) {
    const repoUrl = options.repoUrl === undefined ? undefined : String(options.repoUrl);
    if (repoUrl !== undefined && !/^https?:\/\/\S+$/i.test(repoUrl)) {
      const { UsageError } = await import('../../errors.js');
      throw new UsageError(
        `--repo-url 必须是 http:// 或 https:// 开头的网址，收到“${repoUrl}”`,
        '例如 --repo-url https://github.com/组织/台账/blob/main',
      );
    }
    const { site } = await import('./run.js');
    const result = await site({
      root: global.root,
      cwd: global.cwd,
      asOf: parseAsOf(options.asOf),
      out: String(options.out),
      force: options.force === true,
      repoUrl,
      ...versionOptions(options),
    });
    if (result.diagnostics.length > 0) {
      const { renderLedgerErrors } = await import('../../render/diagnostics.js');
      process.stderr.write(renderLedgerErrors(result.diagnostics, '未生成网站'));
      return EXIT_PROBLEMS;
    }
    const { renderSiteResult } = await import('./text.js');
    writeOut(renderSiteResult(result, options.format as 'text' | 'json'));
    return EXIT_OK;
  },
};

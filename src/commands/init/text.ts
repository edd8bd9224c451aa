import type { InitResult } from './run.js';

export function renderInit(result: InitResult): string {
  const gitLine = {
    initialised: '已运行 git init（分支 main）。',
    unavailable: '没有找到 git，未初始化 Git 仓库；安装 Git 后在该文件夹运行 git init。',
    skipped: '未初始化 Git 仓库。',
  }[result.git];
  const toolNote = [
    '',
    `package.json 中的工具：${result.toolName} ${result.tool}` +
      (result.toolTarball ? `（安装包已复制到 ${result.toolTarball}，请一并提交）` : ''),
  ];
  return [
    `已在 ${result.dir} 建立新的台账仓库：`,
    ...result.files.map((file) => `  ${file}`),
    gitLine,
    ...toolNote,
    '',
    '下一步：',
    `  cd ${JSON.stringify(result.dir)}`,
    '  npm install                                 # 安装 package.json 中的 ledger 工具',
    '  npx ledger validate && npx ledger status    # 新台账直接通过',
    '  编辑 ledger/units.yaml 和 ledger/01-示例主要指标.yaml，再运行 npx ledger validate',
    '  git add -A && git commit -m "建立台账"',
    '',
    '网站：npx ledger site 生成静态网站（site/index.html，浏览器直接打开）；推送到 main 后，',
    '  CI 自动发布到 GitHub Pages（仓库 Settings → Pages → Source 选 GitHub Actions）或 GitLab Pages（pages 任务）。',
  ].join('\n');
}

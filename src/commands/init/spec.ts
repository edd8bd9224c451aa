import { EXIT_OK, writeOut, type CommandSpec } from '../../cli/spec.js';

export const initSpec: CommandSpec = {
  usage: 'init <dir>',
  summary: '新建一个空的台账仓库：单位名录、示例主要指标、reports/、CI 配置和说明',
  description:
    '在 DIR（不存在或为空的文件夹）中建立 ledger/units.yaml、ledger/config.yaml、一个示例主要指标文件、reports/、\n' +
    '.github/workflows/ledger.yml 与 .gitlab-ci.yml（合并请求运行 ledger check，每天运行 ledger overdue）、README.md 和 package.json，\n' +
    '并在装有 Git 时运行 git init。示例措施的完成时限是明年年底，所以新台账 validate 通过、status 全绿。\n' +
    '建成后进入该文件夹，npm install 安装 package.json 中的 ledger 工具（npm 包 szs-ledger），再运行 npx ledger validate。\n' +
    '--tool 决定新仓库从哪里安装工具：默认是已发布的版本（^当前版本，也适用于内部 npm 镜像）；\n' +
    '也可以是 git 地址、内部 npm 仓库中的包名（@city/ledger@0.1.0）或 npm pack 生成的 .tgz（复制进新仓库的 tools/）。\n' +
    '本机文件夹路径会被拒绝：CI 运行器上没有它。',
  examples: [
    'ledger init 台账',
    'ledger init 台账 --title "某某市优化营商环境工作台账"',
    'ledger init 台账 --tool git+https://git.example.gov.cn/tools/ledger.git#v0.1.0',
    'ledger init 台账 --tool ./szs-ledger-0.1.0.tgz',
  ],
  options: [
    { flags: '--title <title>', description: '台账名称（写入 ledger/config.yaml 与 README.md），默认“工作台账”' },
    {
      flags: '--tool <spec>',
      description:
        'package.json 中 ledger 工具的来源（版本号、git 地址、内部仓库包名或 .tgz 文件），默认为已发布的当前版本',
    },
  ],
  async run(args, options, global) {
    const { init } = await import('./run.js');
    const { renderInit } = await import('./text.js');
    const result = await init({
      cwd: global.cwd,
      dir: args[0] ?? '',
      ...(options.title ? { title: String(options.title) } : {}),
      ...(options.tool ? { tool: String(options.tool) } : {}),
    });
    writeOut(renderInit(result));
    return EXIT_OK;
  },
};

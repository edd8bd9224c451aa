import path from 'node:path';
import { EXIT_OK, writeOut, type CommandSpec } from '../../cli/spec.js';

export const schemaSpec: CommandSpec = {
  usage: 'schema',
  summary: '生成编辑器用的 JSON Schema（在 VS Code 等编辑器中填写 YAML 时补全字段、提示状态取值、标出错误）',
  description:
    '为主要指标文件、units.yaml、config.yaml 和月度报送表各写一个 JSON Schema，由台账的校验规则生成，字段带中文说明，\n' +
    '状态等取值列为可选项。VS Code 装 Red Hat 的 YAML 扩展后，ledger init 写的 .vscode/settings.json 会把它们对应到各文件；\n' +
    'ledger template 生成的报送表第一行也指明了它的 Schema。编辑器的提示是输入时的帮助，最终以 ledger validate 为准。',
  examples: ['ledger schema', 'ledger schema --out schemas'],
  options: [{ flags: '--out <dir>', description: '写到该文件夹，默认台账仓库的 schemas/' }],
  async run(_args, options, global) {
    const { schema } = await import('./run.js');
    const result = schema({ root: global.root, cwd: global.cwd, out: options.out as string | undefined });
    const list = result.files.map((file) => `  ${path.relative(global.cwd, file) || file}`).join('\n');
    writeOut(`已写入 ${result.files.length} 个 JSON Schema：\n${list}`);
    return EXIT_OK;
  },
};

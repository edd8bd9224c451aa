import { EXIT_OK, EXIT_PROBLEMS, writeOut, type CommandSpec } from '../../cli/spec.js';

export const codeownersSpec: CommandSpec = {
  usage: 'codeowners',
  summary: '根据单位名录中的 owner 生成 CODEOWNERS：各单位的报送只能由本单位的人批准',
  description:
    '把 reports/*/<单位>.yaml 映射到 ledger/units.yaml 中该单位的 owner（Git 托管平台的账号或团队），写入仓库根目录的 CODEOWNERS。\n' +
    'GitHub 与 GitLab 都认这个文件；再在分支保护中打开“需要代码所有者批准”，就只有本单位的人能批准本单位的报送。\n' +
    '--ledger-owner 只需给一次：以后重新生成或 --check 时沿用已生成的 CODEOWNERS 中 /ledger/ 规则的负责人。\n' +
    '--check 只比较不写入：文件需要更新时退出码为 1（适合 CI）。',
  examples: [
    'ledger codeowners',
    'ledger codeowners --ledger-owner @your-org/office',
    'ledger codeowners --output .github/CODEOWNERS',
    'ledger codeowners --check',
  ],
  options: [
    { flags: '--output <file>', description: '写到哪里，默认台账根目录下的 CODEOWNERS' },
    { flags: '--out <file>', description: '同 --output（与其他命令的 --out 一致）' },
    {
      flags: '--ledger-owner <handle>',
      description:
        'ledger/ 与未设 owner 单位的报送由谁批准，例如 @your-org/office；省略时沿用已生成的 CODEOWNERS 中的设置',
    },
    { flags: '--check', description: '只检查 CODEOWNERS 是否最新，不写入' },
  ],
  async run(_args, options, global) {
    const { codeowners } = await import('./run.js');
    const { renderCodeowners } = await import('./text.js');
    const result = await codeowners({
      root: global.root,
      cwd: global.cwd,
      ...(options.output || options.out ? { output: String(options.output ?? options.out) } : {}),
      ...(options.ledgerOwner ? { ledgerOwner: String(options.ledgerOwner) } : {}),
      check: options.check === true,
    });
    writeOut(renderCodeowners(result, global.root, options.check === true));
    return result.diagnostics.length > 0 || (options.check === true && result.changed) ? EXIT_PROBLEMS : EXIT_OK;
  },
};

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Help, Option, type HelpConfiguration } from 'commander';
import { COMMANDS } from './cli/index.js';
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  EXIT_USAGE,
  writeErr,
  type CommandSpec,
  type GlobalOptions,
  type OptionSpec,
} from './cli/spec.js';
import { GitError, LedgerErrors, UsageError } from './errors.js';
import { renderLedgerErrors } from './render/diagnostics.js';
import { safeMessage } from './render/safe-text.js';
import { findLedgerRoot } from './io/ledger-root.js';

const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

const COMMANDER_ERRORS: [RegExp, string][] = [
  [/^error: unknown option '(.+)'/, '未知选项 $1'],
  [/^error: unknown command '(.+)'/, '未知命令 $1'],
  [/^error: missing required argument '(.+)'/, '缺少参数 $1'],
  [/^error: option '(.+)' argument missing/, '选项 $1 缺少取值'],
  [/^error: too many arguments.*/, '参数过多'],
  [/^error: option '(.+)' argument '(.+)' is invalid\. Allowed choices are (.+)\./, '选项 $1 的取值 $2 无效，可选：$3'],
  [/^error: required option '(.+)' not specified/, '缺少必需的选项 $1'],
];

/** Commander's usage words in Chinese: `用法：ledger [选项] [命令]`; argument names stay as written. */
const usageInChinese = (usage: string) => usage.replace(/\[options\]/g, '[选项]').replace(/\[command\]/g, '[命令]');

const HELP: HelpConfiguration = {
  styleTitle: (title) => HELP_TITLES[title] ?? title,
  commandUsage(cmd) {
    return usageInChinese(Help.prototype.commandUsage.call(this, cmd));
  },
  subcommandTerm(cmd) {
    return usageInChinese(Help.prototype.subcommandTerm.call(this, cmd));
  },
  formatHelp(cmd, helper) {
    return Help.prototype.formatHelp.call(this, cmd, helper).replace(/^用法： /, '用法：');
  },
  sortSubcommands: false,
  optionDescription: (option) => {
    const shown = option.defaultValue !== undefined && option.defaultValue !== false && !option.negate;
    const choices =
      option.argChoices && !option.description.includes(option.argChoices[0]!)
        ? `（可选：${option.argChoices.join('、')}）`
        : '';
    return `${option.description}${choices}${shown ? `（默认：${String(option.defaultValue)}）` : ''}`;
  },
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function translateCommanderError(message: string): string {
  for (const [pattern, replacement] of COMMANDER_ERRORS) {
    if (pattern.test(message)) return `错误：${translateSuggestion(message.trim().replace(pattern, replacement))}\n`;
  }
  return translateSuggestion(message.replace(/^error: /, '错误：'));
}

/** Commander's “(Did you mean status?)” under an unknown command or option. */
function translateSuggestion(text: string): string {
  return text
    .replace(
      /\(Did you mean one of (.+)\?\)/,
      (_match, list: string) => `（是否要输入 ${list.split(', ').join('、')} 之一？）`,
    )
    .replace(/\(Did you mean (.+)\?\)/, '（是否要输入 $1？）');
}

function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
  if (spec.repeatable)
    option.argParser((value: string, previous: unknown) => [...(Array.isArray(previous) ? previous : []), value]);
  return option;
}

function examplesText(spec: CommandSpec): string {
  return `\n示例：\n${spec.examples.map((example) => `  $ ${example}`).join('\n')}\n`;
}

function globalOptions(command: Command): GlobalOptions {
  const given = command.optsWithGlobals().root as string | undefined;
  const cwd = currentFolder(given !== undefined && path.isAbsolute(given) ? given : undefined);
  return { cwd, root: given ? path.resolve(cwd, given) : findLedgerRoot(cwd) };
}

function buildProgram(specs: readonly CommandSpec[], onExit: (code: number) => void): Command {
  const program = new Command('ledger')
    .description(
      '工作台账工具：台账是 Git 仓库中的 YAML 文件（每个主要指标一个文件），报送、合并、统计、导出和审计都在这里',
    )
    .version(version(), '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .option('--root <dir>', '台账仓库根目录（含 ledger/ 与 reports/），默认从当前目录向上查找')
    .configureHelp(HELP)
    .configureOutput({ outputError: (message, write) => write(translateCommanderError(message)) })
    .showHelpAfterError('（用 --help 查看用法）')
    .exitOverride();
  for (const spec of specs) {
    const command = program
      .command(spec.usage)
      .summary(spec.summary)
      .description(spec.description ? `${spec.summary}\n\n${spec.description}` : spec.summary)
      .helpOption('-h, --help', '显示帮助')
      .addHelpText('after', examplesText(spec))
      .configureHelp(HELP)
      .exitOverride();
    for (const option of spec.options) command.addOption(toOption(option));
    command.action(async (...received: unknown[]) => {
      const self = received[received.length - 1] as Command;
      const args = (self.processedArgs as unknown[]).flatMap((a) =>
        a === undefined ? [] : Array.isArray(a) ? a.map(String) : [String(a)],
      );
      onExit(await spec.run(args, self.opts(), globalOptions(self)));
    });
  }
  return program;
}

/**
 * The command specs this run needs: only the invoked command's (so `ledger status` does not load
 * the other commands' modules); none for `--version`; every one for help, an unknown command or none.
 */
async function specsFor(argv: readonly string[]): Promise<CommandSpec[]> {
  const words = argv.slice(2);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-h' || word === '--help') break;
    if (word === '-V' || word === '--version') return [];
    if (word === '--root') i++;
    else if (!word.startsWith('-')) {
      const entry = COMMANDS.find((command) => command.name === word);
      if (entry) return [await entry.load()];
      break;
    }
  }
  return Promise.all(COMMANDS.map((command) => command.load()));
}

/** The one exit point: maps results and errors to exit codes. */
export async function main(argv: readonly string[]): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(await specsFor(argv), (c) => (code = c));
  // Bare `ledger` asks for help: print it to stdout like git, but exit 0 (our 1 means data problems).
  if (argv.length <= 2) {
    program.outputHelp();
    return EXIT_OK;
  }
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (error) {
    return handleError(error);
  }
}

function handleError(error: unknown): number {
  if (error instanceof CommanderError) {
    const benign = [
      'commander.helpDisplayed',
      'commander.version',
      'commander.help',
      'commander.executeSubCommandAsync',
    ];
    return benign.includes(error.code) ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof LedgerErrors) {
    writeErr(renderLedgerErrors(error.diagnostics, error.what));
    return EXIT_PROBLEMS;
  }
  if (error instanceof UsageError) {
    writeErr(
      `错误：${safeMessage(error.message)}\n${error.hint ? `  → ${safeMessage(error.hint, { multiline: true })}\n` : ''}`,
    );
    return EXIT_USAGE;
  }
  if (error instanceof GitError) {
    const debug = process.env.LEDGER_DEBUG && error.stderr ? `git 的原始输出：\n${error.stderr.trim()}\n` : '';
    const more =
      !process.env.LEDGER_DEBUG && error.stderr && error.kind === 'failed'
        ? '设置 LEDGER_DEBUG=1 可显示 git 的原始输出。\n'
        : '';
    writeErr(
      `错误：${safeMessage(error.message)}\n${error.hint ? `  → ${safeMessage(error.hint, { multiline: true })}\n` : ''}${debug}${more}`,
    );
    return EXIT_USAGE;
  }
  const detail = error instanceof Error ? (process.env.LEDGER_DEBUG ? error.stack : error.message) : String(error);
  process.stderr.write(
    `内部错误（这是 ledger 的缺陷，请报告维护者）：${detail}\n设置 LEDGER_DEBUG=1 可显示详细调用栈。\n`,
  );
  return EXIT_USAGE;
}

/** The working folder; one deleted after the shell entered it is a usage error, not a crash. */
function currentFolder(fallback?: string): string {
  try {
    return process.cwd();
  } catch {
    if (fallback !== undefined) return fallback;
    throw new UsageError(
      '当前文件夹已被删除或无法访问',
      '先 cd 到台账仓库中（或另一个存在的文件夹），再运行命令；也可以用 --root 指定台账仓库',
    );
  }
}

import { terminalSafe } from '../render/safe-text.js';
import { UsageError } from '../errors.js';

/** One command-line option, declared as data and registered in a loop. */
export interface OptionSpec {
  flags: string;
  description: string;
  defaultValue?: string | boolean | string[];
  choices?: readonly string[];
  /** Repeatable: each use adds to a list. */
  repeatable?: boolean;
}

export interface GlobalOptions {
  /** The ledger repository's root (holds ledger/ and reports/). */
  root: string;
  cwd: string;
}

export interface CommandSpec {
  /** Name with its arguments in commander syntax, e.g. `validate [paths...]`. */
  usage: string;
  summary: string;
  /** Longer explanation shown by --help, in Chinese. */
  description?: string;
  examples: readonly string[];
  options: readonly OptionSpec[];
  /** Runs the command and returns its exit code; heavy modules are imported inside. */
  run(args: string[], options: Record<string, unknown>, global: GlobalOptions): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export function formatOption(formats: readonly string[], fallback: string): OptionSpec {
  return {
    flags: '--format <format>',
    description: `输出格式：${formats.join(' | ')}`,
    defaultValue: fallback,
    choices: formats,
  };
}

export const AS_OF_OPTION: OptionSpec = {
  flags: '--as-of <date>',
  description: '按哪一天计算（YYYY-MM-DD），默认今天',
};

export const REV_OPTION: OptionSpec = {
  flags: '--rev <rev>',
  description: '按 Git 中某个版本（分支、标签或提交号）的台账计算，例如 --rev HEAD~3',
};

export const WORKTREE_OPTION: OptionSpec = {
  flags: '--worktree',
  description: '不取历史版本：用工作区现在的台账，按 --as-of 那天的时限计算',
};

/** The options --as-of, --rev and --worktree give a command. */
export function versionOptions(options: Record<string, unknown>): { rev?: string; worktree?: boolean } {
  if (options.rev !== undefined && options.worktree)
    throw new UsageError('--rev 与 --worktree 不能同时使用', '--rev 取 Git 中的某个版本；--worktree 用工作区的台账');
  return {
    ...(options.rev !== undefined ? { rev: String(options.rev) } : {}),
    ...(options.worktree ? { worktree: true } : {}),
  };
}

/**
 * A one-line text option (--by, --reason) that is written into the ledger and echoed in the
 * command's own output: a line break or another control character is refused, so the output can
 * never start a line of its own (a CI `::error`), and the text rule's length limit applies.
 */
export function parseLineArgument(value: unknown, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const bad = /[\p{Cc}\u2028\u2029\uFFFE\uFFFF]/u.exec(text)?.[0];
  if (bad !== undefined)
    throw new UsageError(
      `${flag} 的文字中有 U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}（换行或控制字符），只能写一行`,
      `去掉换行，写成一行，例如 ${flag} 材料不全请补充`,
    );
  if (text.length > 500)
    throw new UsageError(`${flag} 的文字有 ${text.length} 个字符，超过上限 500`, '写成简短的一句话');
  return text;
}

/** The largest count a flag takes (--within days and the like): larger is a typo, not a wish. */
const MAX_COUNT = 1_000_000;

export function parseCountArgument(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} 需要一个非负整数，收到“${value}”`, `例如 ${flag} 30`);
  if (value.length > 7 || Number(value) > MAX_COUNT)
    throw new UsageError(`${flag} 的值“${value}”太大（上限 ${MAX_COUNT}）`, `例如 ${flag} 30`);
  return Number(value);
}

/** Writes a command's output; escape sequences other than colours never reach the terminal (terminalSafe). */
export function writeOut(text: string): void {
  process.stdout.write(terminalSafe(text.endsWith('\n') || text === '' ? text : `${text}\n`));
}

/** writeOut for standard error. */
export function writeErr(text: string): void {
  process.stderr.write(terminalSafe(text.endsWith('\n') || text === '' ? text : `${text}\n`));
}

/**
 * Writes a command's text output folded to the terminal width (COLUMNS or the terminal's; nothing is folded
 * when piped), continuation lines hanging `hang` columns deeper than their line (see render/fold.ts).
 */
export async function writeFitted(text: string, hang = 2): Promise<void> {
  const { terminalWidth } = await import('../render/terminal-style.js');
  const { fitToWidth } = await import('../render/fold.js');
  writeOut(fitToWidth(text, terminalWidth(process.stdout, process.env), hang));
}

/** History-based commands (missing, history, log, check) warn on standard error in a shallow clone. */
export async function warnIfShallow(root: string): Promise<void> {
  const { isShallowRepository, SHALLOW_WARNING } = await import('../io/git.js');
  if (await isShallowRepository(root)) writeErr(SHALLOW_WARNING);
}

import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { REPORTS_DIR } from '../core/reports/report-path.js';
import { UsageError } from '../errors.js';
import { LEDGER_DIR } from './ledger-root.js';
import { DECISIONS_DIR } from '../core/model/decision-path.js';
import { relativeInside, writeTarget } from './repo-path.js';
import { gitDirOf } from './state-dir.js';

/**
 * The one output guard for every command that writes a file or folder the user names (render,
 * summary, notice, template, schema, codeowners, site): the output never lands in ledger/,
 * reports/, a git dir or over the repository itself. Symbolic links are resolved first, so a
 * link to ledger/ (or to the root) is judged by where it leads. See docs/safety.md.
 */

/** A file written, or a folder that will hold what is written (site, notice --format docx, schema). */
export type OutputKind = 'file' | 'folder';

export interface OutputRule {
  kind: OutputKind;
  /** The option that named the target, for the message (`--out`, `--output`). */
  option?: string;
  /** template only: a report form may be written as reports/YYYY-MM/<name>.yaml. */
  reportForm?: boolean;
}

/**
 * Returns `absolute` when it is a safe output; otherwise a UsageError naming the target and why.
 * Inside the repository no part of the path may be a link (writeTarget).
 */
export function guardOutput(root: string, absolute: string, rule: OutputRule): string {
  const option = rule.option ?? '--out';
  const problem = outputProblem(root, absolute, rule);
  if (problem)
    throw new UsageError(
      `拒绝写入 ${option} ${absolute}：${problem}；未写入任何文件`,
      `用 ${option} 指定台账仓库的 ledger/、reports/ 和 .git 以外的${rule.kind === 'folder' ? '单独文件夹，例如 导出' : '位置，例如 导出/台账.xlsx'}`,
    );
  return writeTarget(root, absolute);
}

/** Why `absolute` may not be written, or undefined. */
export function outputProblem(root: string, absolute: string, rule: OutputRule): string | undefined {
  const realRoot = realPath(root);
  const target = realPath(absolute);
  if (target.split(path.sep).some((part) => part.toLowerCase() === '.git')) return '它在 Git 的内部文件夹（.git）中';
  const gitDir = gitDirOf(root);
  if (gitDir && isInside(realPath(gitDir), target)) return '它在 Git 的内部文件夹中';
  if (rule.kind === 'folder' && isInside(target, realRoot)) return '它就是台账仓库或包含台账仓库';
  if (target === realRoot) return '它就是台账仓库的根目录';
  const rel = relativeInside(realRoot, target);
  const top = rel?.split('/')[0];
  if (top === LEDGER_DIR) return `${LEDGER_DIR}/ 只放台账文件，导出会覆盖台账`;
  if (top === DECISIONS_DIR) return `${DECISIONS_DIR}/ 只放决定文件（核验、督办、延期审批、收件），导出会被当作决定`;
  if (top === REPORTS_DIR && !(rule.reportForm && isReportFormPath(rel!)))
    return `${REPORTS_DIR}/ 只放报送文件，导出会被当作报送`;
  return undefined;
}

/** reports/YYYY-MM/<name>.yaml: where `template` puts a report form. */
function isReportFormPath(rel: string): boolean {
  return /^reports\/\d{4}-(0[1-9]|1[0-2])\/[^/]+\.yaml$/.test(rel);
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * `file` with every link resolved: the longest part that exists is resolved by the system, the
 * rest (not yet made) appended as given.
 */
export function realPath(file: string): string {
  const absolute = path.resolve(file);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

/**
 * Whether an existing file is one `template` makes, so that `--force` may replace it: a YAML report
 * form (top-level `unit:`, `month:` and `entries:`) or an xlsx workbook (a zip). Anything else — a
 * README, a script, an area file — is never replaced.
 */
export function madeAsForm(file: string, format: 'yaml' | 'xlsx'): boolean {
  const head = readHead(file, 64 * 1024);
  if (head === undefined) return false;
  if (format === 'xlsx') return head[0] === 0x50 && head[1] === 0x4b && /\.xlsx$/i.test(file);
  const text = Buffer.from(head).toString('utf8');
  return ['unit', 'month', 'entries'].every((key) => new RegExp(`^${key}:`, 'm').test(text));
}

function readHead(file: string, max: number): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return undefined;
    const buffer = Buffer.alloc(max);
    return buffer.subarray(0, readSync(fd, buffer, 0, max, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

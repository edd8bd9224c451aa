import { lstatSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isRecord } from '../core/model/is-record.js';
import { UsageError } from '../errors.js';
import { removeQuietly, replaceFile } from './atomic-file.js';
import { describeFsError, isFsError } from './describe-fs-error.js';
import { linkProblem, relativeInside } from './repo-path.js';
import { legacyWriteFolder, STATE, statePath } from './state-dir.js';

/**
 * The journal of a multi-file write (repo-write.ts), and the recovery of an interrupted one: `journal.json` in the folder of the write's
 * temporaries, written when every new content is staged and before the first rename (the commit
 * point). Its paths never leave the repository:
 *
 *   {"format":2,"renames":[{"from":"4711-0.new","to":"ledger/01-….yaml"}],"removes":["ledger/x.yaml"]}
 *
 * `from` is a temporary's name in the journal's folder; `to` and `removes` are relative to the
 * ledger root, with forward slashes. Replay checks the whole journal before it acts: a journal that
 * is not a regular file, or any path that is absolute, has `..`, goes through a link (so it cannot
 * resolve outside the repository) or into .git, is refused and nothing is done. A journal of the
 * previous version (absolute paths) is accepted only when all it names lies inside this repository.
 */
export const JOURNAL = 'journal.json';
const FORMAT = 2;
const TEMPORARY = /^\d+-\d+\.new$/;

/** A journal with absolute paths, checked. */
export interface Journal {
  renames: { from: string; to: string }[];
  removes: string[];
}

/** The folder of a write in progress: its temporaries and its journal. */
export function tempFolder(root: string): string {
  return statePath(root, STATE.write);
}

/** The temporary file of the `index`-th file a write stages. */
export function temporaryPath(folder: string, index: number): string {
  return path.join(folder, `${process.pid}-${index}.new`);
}

/** The journal's text: temporaries by name, targets (checked by the writer to lie in root) relative to root. */
export function journalText(root: string, journal: Journal): string {
  const rel = (file: string) => relativeInside(root, file) ?? file;
  return JSON.stringify({
    format: FORMAT,
    renames: journal.renames.map(({ from, to }) => ({ from: path.basename(from), to: rel(to) })),
    removes: journal.removes.map(rel),
  });
}

/** Whether a write was interrupted: its folder (or the previous version's) holds anything. */
export function hasInterruptedWrite(root: string): boolean {
  return listQuiet(tempFolder(root)).length > 0 || listQuiet(legacyWriteFolder(root)).length > 0;
}

/**
 * Finishes a journaled write (every file new) or removes uncommitted temporaries (every file old),
 * in the state folder and in the previous version's folder. Returns the files it completed. The
 * caller holds the write lock.
 */
export function recoverInterruptedWrite(root: string): string[] {
  return [...recoverFolder(root, legacyWriteFolder(root)), ...recoverFolder(root, tempFolder(root))];
}

/** Why a target (relative to root) may not be written or removed by a journal; undefined when fine. */
export function targetProblem(root: string, rel: string): string | undefined {
  if (rel === '' || rel.includes('\0')) return `路径“${rel}”为空或含有 NUL 字符`;
  if (path.isAbsolute(rel) || path.win32.isAbsolute(rel)) return `“${rel}”是绝对路径`;
  const parts = rel.split(/[/\\]/);
  if (parts.includes('..')) return `“${rel}”含有 ..，会离开仓库`;
  if (parts.some((part) => part.toLowerCase() === '.git') || parts[0] === '.ledger')
    return `“${rel}”指向 Git 或 ledger 自己的文件夹`;
  const link = linkProblem(root, rel);
  return link && `“${rel}”会经符号链接写到别处（${link}）`;
}

/** Reads and checks the journal in `folder`; a UsageError (exit 2) saying how to fix it when refused. */
export function readJournal(root: string, folder: string): Journal {
  const file = path.join(folder, JOURNAL);
  const refuse = (reason: string) => refusal(file, reason);
  if (!lstatSync(file).isFile()) throw refuse('它不是普通文件（是符号链接、文件夹或管道）');
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw refuse('它不是 JSON');
  }
  if (!isRecord(value) || !Array.isArray(value.renames) || !Array.isArray(value.removes))
    throw refuse('内容不是 ledger 的写入日志');
  const legacy = value.format !== FORMAT;
  const target = (entry: unknown) => checkedTarget(root, entry, legacy, refuse);
  const temporary = (entry: unknown) => checkedTemporary(folder, entry, legacy, refuse);
  return {
    renames: value.renames.map((entry: unknown) => {
      if (!isRecord(entry)) throw refuse('内容不是 ledger 的写入日志');
      return { from: temporary(entry.from), to: target(entry.to) };
    }),
    removes: value.removes.map(target),
  };
}

/** Renames the temporaries into place, removes what is to be removed, then the journal and its folder. */
export function applyJournal(folder: string, journal: Journal, crashHook = true): void {
  const crashAfter = crashHook ? Number(process.env.LEDGER_TEST_CRASH_AFTER_RENAME ?? NaN) : NaN;
  journal.renames.forEach(({ from, to }, i) => {
    if (lstatQuiet(from)) renameReported(from, to, folder);
    if (i + 1 === crashAfter) process.kill(process.pid, 'SIGKILL');
  });
  for (const file of journal.removes) rmSync(file, { force: true });
  rmSync(path.join(folder, JOURNAL), { force: true });
  removeFolderIfEmpty(folder);
}

function recoverFolder(root: string, folder: string): string[] {
  if (listQuiet(folder).length === 0) return [];
  const journal = lstatQuiet(path.join(folder, JOURNAL)) ? readJournal(root, folder) : undefined;
  if (journal) applyJournal(folder, journal, false);
  for (const name of listQuiet(folder)) removeQuietly(path.join(folder, name));
  removeFolderIfEmpty(folder);
  return journal?.renames.map((r) => r.to) ?? [];
}

function removeFolderIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Another command's temporaries are still there, or the folder is already gone.
  }
}

function checkedTarget(root: string, entry: unknown, legacy: boolean, refuse: Refuse): string {
  if (typeof entry !== 'string') throw refuse('内容不是 ledger 的写入日志');
  // The previous version wrote absolute paths: accepted when they lie inside this repository.
  const rel = legacy && path.isAbsolute(entry) ? relativeInside(root, entry) : entry;
  if (rel === undefined) throw refuse(`“${entry}”不在本仓库 ${root} 之内`);
  const problem = targetProblem(root, rel);
  if (problem) throw refuse(problem);
  return path.join(root, ...rel.split('/'));
}

function checkedTemporary(folder: string, entry: unknown, legacy: boolean, refuse: Refuse): string {
  if (typeof entry !== 'string') throw refuse('内容不是 ledger 的写入日志');
  const inFolder = legacy && path.isAbsolute(entry) && path.dirname(entry) === folder;
  const name = inFolder ? path.basename(entry) : entry;
  if (!TEMPORARY.test(name)) throw refuse(`临时文件“${entry}”不在 ${folder} 之内`);
  const stat = lstatQuiet(path.join(folder, name));
  if (stat && !stat.isFile()) throw refuse(`临时文件“${name}”不是普通文件`);
  return path.join(folder, name);
}

type Refuse = (reason: string) => UsageError;

function refusal(file: string, reason: string): UsageError {
  return new UsageError(
    `拒绝执行中断写入的日志 ${file}：${reason}；未按它改动任何文件`,
    '这份日志不是本仓库的 ledger 写下的（可能随复制带来或被人放入）。若仓库是复制来的，请在原仓库中运行任一 ledger 命令' +
      `完成那次写入；确认本仓库的台账无误（git status、git diff）后删除它：rm -r "${file}"`,
  );
}

/** Renames a temporary into place; across file systems (a worktree elsewhere) it is copied atomically. */
function renameReported(from: string, to: string, folder: string): void {
  try {
    if (!renameAcross(from, to)) renameSync(from, to);
  } catch (error) {
    if (!isFsError(error)) throw error;
    throw new UsageError(
      describeFsError(error, to),
      `写入中断：已记录在 ${path.join(folder, JOURNAL)}，排除问题后运行任一 ledger 命令即可完成写入`,
    );
  }
}

/** Whether `from` lies on another file system than `to`'s folder; then it is copied there atomically and removed. */
function renameAcross(from: string, to: string): boolean {
  if (lstatSync(from).dev === lstatSync(path.dirname(to)).dev) return false;
  replaceFile(to, readFileSync(from));
  rmSync(from, { force: true });
  return true;
}

function listQuiet(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function lstatQuiet(file: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

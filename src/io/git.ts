import type { LineCommit } from '../core/model/ledger-version.js';
import { GitError } from '../errors.js';
import { isRefusedGitMode } from './repo-path.js';

/**
 * Git access: one small function per question, argument arrays (no shell),
 * explicit `--pretty=format:` output parsed into records. Every failure is a
 * GitError with a Chinese message.
 */

const MAX_BUFFER = 1024 * 1024 * 1024;

/** node:child_process, loaded by the first git call: a warm `ledger status` runs no git and skips its ~5 ms load. */
export const childProcess = () => process.getBuiltinModule('node:child_process');
const FIELD = '\x1f';
const RECORD = '\x1e';

/** Runs git in `cwd` and returns its standard output. */
export function runGit(cwd: string, args: readonly string[], what = `运行 git ${args[0] ?? ''}`): Promise<string> {
  return new Promise((resolve, reject) => {
    childProcess().execFile(
      'git',
      [...args],
      { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8', env: gitEnv() },
      (error, stdout, stderr) => {
        if (error) reject(gitError(error, stderr, what));
        else resolve(stdout);
      },
    );
  });
}

export function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };
}

export function gitError(error: { code?: unknown; message: string }, stderr: string, what: string): GitError {
  if (error.code === 'ENOENT')
    return new GitError('找不到 git 命令', '', '先安装 Git，并确认它在 PATH 中（git --version 能运行）', 'no-git');
  if (/not a git repository/i.test(stderr)) return notARepository(stderr);
  if (NO_COMMITS.test(stderr)) return noCommits(stderr);
  return new GitError(`${what}：git 执行失败`, stderr || error.message);
}

/** How git (LC_ALL=C) says that the current branch has no commit yet. */
const NO_COMMITS =
  /does not have any commits yet|bad default revision 'HEAD'|ambiguous argument 'HEAD': unknown revision/i;

function notARepository(stderr = ''): GitError {
  return new GitError(
    '不在 Git 仓库中：历史与审计命令需要台账放在 Git 仓库里',
    stderr,
    '用 git init 建立仓库，或到台账仓库中运行（也可用 --root 指定台账仓库）',
    'not-a-repository',
  );
}

function noCommits(stderr = ''): GitError {
  return new GitError('仓库还没有任何提交', stderr, '先提交台账：git add -A && git commit -m "建立台账"', 'no-commits');
}

/** Whether an error is git saying the repository has no commit yet. */
export function isNoCommits(error: unknown): boolean {
  return error instanceof GitError && error.kind === 'no-commits';
}

/** Whether the git program can be run at all. */
export function gitAvailable(cwd: string): Promise<boolean> {
  return runGit(cwd, ['--version']).then(
    () => true,
    () => false,
  );
}

/** The full commit hash a revision names; a GitError saying so when it names none. */
export async function resolveCommit(cwd: string, rev: string): Promise<string> {
  try {
    return (await runGit(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).trim();
  } catch (error) {
    if (error instanceof GitError && error.kind !== 'failed') throw error;
    if (!(await hasCommits(cwd))) throw noCommits(error instanceof GitError ? error.stderr : '');
    const kind = await objectType(cwd, rev);
    if (kind === 'tree' || kind === 'blob')
      throw new GitError(
        `${rev} 是 Git 的${kind === 'tree' ? '目录树（tree）' : '文件内容（blob）'}对象，不是提交，没有日期和台账版本`,
        error instanceof GitError ? error.stderr : '',
        '给出提交号、分支或标签（git log --oneline 列出提交）',
        'unknown-revision',
      );
    throw new GitError(
      `找不到版本 ${rev}（不是分支、标签或提交号）`,
      error instanceof GitError ? error.stderr : '',
      fetchHint(rev),
      'unknown-revision',
    );
  }
}

/** What kind of object `rev` names (commit, tree, blob, tag), or undefined when none. */
async function objectType(cwd: string, rev: string): Promise<string | undefined> {
  try {
    return (await runGit(cwd, ['cat-file', '-t', '--', rev])).trim();
  } catch {
    return undefined;
  }
}

/** A remote branch (origin/main) has to be fetched; in CI the checkout is often shallow. */
function fetchHint(rev: string): string {
  const remote = /^([\w.-]+)\/(.+)$/.exec(rev);
  const fetch = remote ? `git fetch ${remote[1]} ${remote[2]}` : 'git fetch origin main';
  return `检查版本名是否写错（git branch -a 列出分支）；基准分支只在远端时先取回：${fetch}。CI 中要取回完整历史（actions/checkout 的 fetch-depth: 0，GitLab 的 GIT_DEPTH: 0）`;
}

/** Whether the current branch has at least one commit. */
export function hasCommits(cwd: string): Promise<boolean> {
  return runGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).then(
    () => true,
    () => false,
  );
}

/** The best common ancestor of two commits, or undefined when they share none. */
export async function mergeBase(cwd: string, a: string, b: string): Promise<string | undefined> {
  try {
    return (await runGit(cwd, ['merge-base', a, b])).trim() || undefined;
  } catch {
    return undefined;
  }
}

export interface CommitInfo {
  hash: string;
  author: string;
  email: string;
  /** Author date as ISO 8601 with the author's offset, e.g. 2020-07-20T10:00:00+08:00. */
  date: string;
  subject: string;
}

export type ChangeStatus = 'A' | 'M' | 'D' | 'R' | 'C' | 'T';

/** One file changed by a commit, with the blobs before and after (undefined for none). */
export interface FileChange {
  status: ChangeStatus;
  path: string;
  /** The path before a rename or copy. */
  oldPath?: string;
  oldBlob?: string;
  newBlob?: string;
  /** The file became a link or a submodule (never read): history says so instead of “deleted”. */
  newRefused?: 'symlink' | 'submodule';
}

export interface CommitChanges extends CommitInfo {
  files: FileChange[];
}

const COMMIT_FORMAT = `--pretty=format:${RECORD}%H${FIELD}%an${FIELD}%ae${FIELD}%aI${FIELD}%s`;
const NULL_BLOB = /^0+$/;

/**
 * Every non-merge commit that changed a path under `pathspecs`, oldest first,
 * with the blob hashes of each changed file (`--raw`), renames detected.
 * Merge commits are skipped: the commits they bring in carry the changes.
 */
export async function commitsTouching(
  cwd: string,
  pathspecs: readonly string[],
  range?: string,
): Promise<CommitChanges[]> {
  const args = ['log', '--reverse', '--date-order', '--no-merges', '--raw', '--no-abbrev', '-M', '-z', COMMIT_FORMAT];
  const out = await runGit(cwd, [...args, ...(range ? [range] : []), '--', ...pathspecs], '读取 Git 历史');
  return out
    .split(RECORD)
    .filter((chunk) => chunk.trim() !== '')
    .map(parseCommitRecord);
}

function parseCommitRecord(chunk: string): CommitChanges {
  const headerEnd = chunk.indexOf('\n');
  const header = headerEnd < 0 ? chunk : chunk.slice(0, headerEnd);
  const [hash = '', author = '', email = '', date = '', subject = ''] = header.replace(/\0+$/, '').split(FIELD);
  const rest = headerEnd < 0 ? '' : chunk.slice(headerEnd + 1);
  return { hash, author, email, date, subject, files: parseRawChanges(rest) };
}

/** Parses `--raw -z` output: ":mode mode old new STATUS\0path\0[newpath\0]". */
function parseRawChanges(raw: string): FileChange[] {
  const parts = raw.split('\0');
  const files: FileChange[] = [];
  for (let i = 0; i < parts.length; i++) {
    const meta = parts[i]!.replace(/^\n+/, '');
    if (!meta.startsWith(':')) continue;
    const [oldMode = '', newMode = '', oldBlob = '', newBlob = '', statusField = ''] = meta.slice(1).split(' ');
    const status = statusField.charAt(0) as ChangeStatus;
    // A link's blob is its target's name, never a ledger file: it is read as no file at all.
    const blobs = {
      oldBlob: NULL_BLOB.test(oldBlob) || isRefusedGitMode(oldMode) ? undefined : oldBlob,
      newBlob: NULL_BLOB.test(newBlob) || isRefusedGitMode(newMode) ? undefined : newBlob,
      newRefused: isRefusedGitMode(newMode) ? (newMode === '160000' ? 'submodule' : 'symlink') : undefined,
    } as const;
    if (status === 'R' || status === 'C') {
      files.push({ status, oldPath: parts[i + 1]!, path: parts[i + 2]!, ...blobs });
      i += 2;
    } else {
      files.push({ status, path: parts[i + 1]!, ...blobs });
      i += 1;
    }
  }
  return files;
}

/**
 * Files that differ between `base` and the work tree (tracked files) plus
 * untracked, not ignored files as added. Renames detected.
 */
export async function changedSince(cwd: string, base: string, pathspecs: readonly string[]): Promise<FileChange[]> {
  const diff = await runGit(
    cwd,
    ['diff', '--raw', '--no-abbrev', '-M', '-z', base, '--', ...pathspecs],
    '比较版本差异',
  );
  const untracked = await runGit(
    cwd,
    ['ls-files', '-z', '--others', '--exclude-standard', '--', ...pathspecs],
    '列出未跟踪文件',
  );
  const added = untracked
    .split('\0')
    .filter(Boolean)
    .map((path): FileChange => ({ status: 'A', path }));
  return [...parseRawChanges(diff), ...added];
}

/**
 * Paths of the files under `pathspecs` in revision `rev`, relative to `cwd`. Symbolic links
 * (mode 120000) and submodules are left out: the same rule as on disk (see repo-path.ts).
 */
export async function filesAt(cwd: string, rev: string, pathspecs: readonly string[]): Promise<string[]> {
  const out = await runGit(cwd, ['ls-tree', '-r', '-z', rev, '--', ...pathspecs], `列出版本 ${rev} 中的文件`);
  return out
    .split('\0')
    .filter(Boolean)
    .flatMap((entry) => {
      const tab = entry.indexOf('\t');
      const mode = entry.slice(0, entry.indexOf(' '));
      return tab < 0 || isRefusedGitMode(mode) ? [] : [entry.slice(tab + 1)];
    });
}

/** One file of a tree: path relative to `cwd`, blob id and mode (120000 is a symbolic link). */
export interface TreeFile {
  file: string;
  blob: string;
  mode: string;
}

/**
 * The files (blobs, and submodules) under `pathspecs` in revision `rev`, with their blob ids, paths
 * relative to `cwd`. Links (mode 120000) and submodules (160000) are listed with their mode: a reader
 * names them as refused (isRefusedGitMode) and never reads them as ledger files.
 */
export async function treeAt(cwd: string, rev: string, pathspecs: readonly string[]): Promise<TreeFile[]> {
  const out = await runGit(cwd, ['ls-tree', '-r', '-z', rev, '--', ...pathspecs], `列出版本 ${rev} 中的文件`);
  const files: TreeFile[] = [];
  for (const line of out.split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', blob = ''] = line.slice(0, tab).split(' ');
    // Submodules (type commit) are listed too, so that readers refuse them by name instead of dropping them.
    if (type === 'blob' || type === 'commit') files.push({ file: line.slice(tab + 1), blob, mode });
  }
  return files;
}

/**
 * The first-parent line of `rev` (default HEAD), newest first: hash, committer and author time
 * (epoch seconds) and subject of each commit.
 */
export async function firstParentLine(cwd: string, rev = 'HEAD'): Promise<LineCommit[]> {
  const out = await runGit(
    cwd,
    ['log', '--first-parent', `--pretty=format:%H${FIELD}%ct${FIELD}%at${FIELD}%s${RECORD}`, rev, '--'],
    '读取提交历史',
  );
  return out
    .split(RECORD)
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [hash = '', committed = '0', authored = '0', subject = ''] = record.split(FIELD);
      return { hash, committed: Number(committed), authored: Number(authored), subject };
    });
}

/** Whether the repository is a shallow clone (part of its history is missing). */
export async function isShallowRepository(cwd: string): Promise<boolean> {
  try {
    return (await runGit(cwd, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  } catch {
    return false;
  }
}

export { openBlobReader, type BlobReader } from './git-blob-reader.js';

/** `git init` in `dir` with branch main (falls back for git older than 2.28). */
export async function initRepository(dir: string): Promise<void> {
  try {
    await runGit(dir, ['init', '-q', '-b', 'main'], '初始化 Git 仓库');
  } catch {
    await runGit(dir, ['init', '-q'], '初始化 Git 仓库');
  }
}

/** Where `cwd` sits inside its work tree, e.g. "city/" or "" at the top. */
export async function gitPrefix(cwd: string): Promise<string> {
  return (await runGit(cwd, ['rev-parse', '--show-prefix'], '查找 Git 仓库')).trim();
}

/** When a file first entered the repository. */
export interface FirstCommit {
  hash: string;
  /** Committer date, ISO 8601 with the committer's offset: when the file reached the repository. */
  committed: string;
  author: string;
}

/** Whether `cwd` is inside a Git work tree (false when git is missing too). */
export function isInsideWorkTree(cwd: string): Promise<boolean> {
  return runGit(cwd, ['rev-parse', '--is-inside-work-tree']).then(
    (out) => out.trim() === 'true',
    () => false,
  );
}

/**
 * The first commit that added each file under `pathspecs` (paths relative to
 * `cwd`, forward slashes), from `git log --diff-filter=A`.
 */
export async function firstCommits(cwd: string, pathspecs: readonly string[]): Promise<Map<string, FirstCommit>> {
  return parseFirstCommits(await runGit(cwd, firstCommitsArgs(pathspecs), '读取报送文件的提交时间'));
}

/** firstCommits for synchronous callers (`ledger validate`); undefined when git cannot tell (no git, no repository, no commits). */
export function firstCommitsSync(cwd: string, pathspecs: readonly string[]): Map<string, FirstCommit> | undefined {
  try {
    const out = childProcess().execFileSync('git', firstCommitsArgs(pathspecs), {
      cwd,
      encoding: 'utf8',
      env: gitEnv(),
      maxBuffer: MAX_BUFFER,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return parseFirstCommits(out);
  } catch {
    return undefined;
  }
}

function firstCommitsArgs(pathspecs: readonly string[]): string[] {
  return [
    'log',
    '--first-parent',
    '--reverse',
    '--diff-filter=A',
    '--no-renames',
    '--name-only',
    '-z',
    '--relative',
    `--pretty=format:${RECORD}%H${FIELD}%cI${FIELD}%an`,
    '--',
    ...pathspecs,
  ];
}

function parseFirstCommits(out: string): Map<string, FirstCommit> {
  const first = new Map<string, FirstCommit>();
  for (const chunk of out.split(RECORD)) {
    const newline = chunk.indexOf('\n');
    if (newline < 0) continue;
    const [hash = '', committed = '', author = ''] = chunk.slice(0, newline).split(FIELD);
    for (const file of chunk.slice(newline + 1).split('\0')) {
      const name = file.replace(/^\n+/, '');
      if (name && !first.has(name)) first.set(name, { hash, committed, author });
    }
  }
  return first;
}

/** What history-based commands say in a shallow clone. */
export const SHALLOW_WARNING =
  '警告：这是浅克隆（shallow clone），Git 历史不完整，以下依据历史得出的日期、作者和版本可能不对。\n' +
  '  → 取回完整历史：git fetch --unshallow；CI 中设置 actions/checkout 的 fetch-depth: 0（GitLab：GIT_DEPTH: 0）\n';

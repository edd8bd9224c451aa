import { dayAt } from '../../core/ledger-version.js';
import { DEFAULT_TIMEZONE } from '../../core/schema.js';
import { clockNow } from '../../io/clock.js';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { INIT_LAYOUT, initFiles, packageNameFor } from '../../core/init-files.js';
import { UsageError } from '../../errors.js';
import { gitAvailable, initRepository } from '../../io/git.js';
import { defaultToolSpec, parseToolSpec, type ToolSpec } from '../../core/tool-spec.js';
import { readTemplate, toolPackage } from '../../io/templates.js';
import { writeTree } from '../../io/write-tree.js';

export interface InitOptions {
  cwd: string;
  /** The folder to create; it must not exist or be empty. */
  dir: string;
  title?: string;
  /** Where the new repository installs the tool from (--tool): a version, git URL, registry name or .tgz; default: the published version. */
  tool?: string;
  /** Today, YYYY-MM-DD (default: the clock, in the default time zone): the example measure's deadline is the end of the next year. */
  asOf?: string;
  /** Run `git init` (default true; skipped when git is not installed). */
  git?: boolean;
}

export interface InitResult {
  dir: string;
  files: string[];
  git: 'initialised' | 'unavailable' | 'skipped';
  /** The devDependency written to package.json: the tool's package name and where it comes from. */
  toolName: string;
  tool: string;
  /** A tarball copied into the repository (tools/….tgz), to be committed with it. */
  toolTarball?: string;
}

/** Creates a new, empty ledger repository: ledger/, reports/, CI files, README, package.json. */
export async function init(options: InitOptions): Promise<InitResult> {
  const dir = path.resolve(options.cwd, options.dir);
  refuseNonEmpty(dir, options.dir);
  const own = toolPackage();
  const spec = options.tool === undefined ? defaultToolSpec(own) : parseToolSpec(options.tool, own);
  const { dependency, extra } = resolveTool(spec, options.cwd);
  const templates = Object.fromEntries(
    INIT_LAYOUT.filter((l) => l.template).map((l) => [l.template, readTemplate(l.template)]),
  );
  const files = initFiles(templates, {
    title: options.title ?? '工作台账',
    name: packageNameFor(path.basename(dir)),
    toolName: own.name,
    tool: dependency,
    asOf: options.asOf ?? dayAt(Math.floor(clockNow() / 1000), DEFAULT_TIMEZONE),
  });
  stageAndMove(dir, { ...files, ...extra });
  let git: InitResult['git'] = 'skipped';
  if (options.git !== false) {
    git = (await gitAvailable(dir)) ? 'initialised' : 'unavailable';
    if (git === 'initialised') await initRepository(dir);
  }
  return {
    dir,
    files: [...Object.keys(files), ...Object.keys(extra)],
    git,
    toolName: own.name,
    tool: dependency,
    ...(spec.kind === 'tarball' ? { toolTarball: spec.target } : {}),
  };
}

/** The dependency to write, and the tarball to copy in for a local .tgz; a folder of this machine is refused. */
function resolveTool(spec: ToolSpec, cwd: string): { dependency: string; extra: Record<string, Uint8Array> } {
  if (spec.kind === 'folder')
    throw new UsageError(
      `--tool ${spec.path} 是本机的文件夹，CI 和其他电脑上没有它，npm install 会失败`,
      '用已发布的版本（默认，或 --tool ^0.1.0）、git 地址、内部 npm 仓库中的包名，或 npm pack 生成的 .tgz 文件（会复制进新仓库的 tools/）',
    );
  if (spec.kind !== 'tarball') return { dependency: spec.dependency, extra: {} };
  const file = path.resolve(cwd, spec.path);
  try {
    return { dependency: spec.dependency, extra: { [spec.target]: readFileSync(file) } };
  } catch {
    throw new UsageError(
      `读不到 --tool 指定的文件 ${spec.path}`,
      '先在工具目录运行 npm pack，再用 --tool 指向生成的 .tgz',
    );
  }
}

function refuseNonEmpty(dir: string, given: string): void {
  try {
    if (!existsSync(dir)) return;
    if (!statSync(dir).isDirectory()) throw new UsageError(`${given} 已存在且不是文件夹`, '换一个新文件夹名');
    if (readdirSync(dir).length > 0)
      throw new UsageError(
        `文件夹 ${given} 不是空的，ledger init 只在新的或空的文件夹中建立台账`,
        '换一个新文件夹名，例如 ledger init 台账-2021',
      );
  } catch (error) {
    throw error instanceof UsageError ? error : ioError(error, dir);
  }
}

/** Everything is written into a sibling temp folder first, then renamed into place in one step. */
function stageAndMove(dir: string, files: Record<string, string | Uint8Array>): void {
  const parent = path.dirname(dir);
  if (!existsSync(parent))
    throw new UsageError(
      `无法建立 ${dir}：上级文件夹 ${parent} 不存在`,
      `先建立上级文件夹（mkdir -p "${parent}"），或换一个位置`,
    );
  let staging: string | undefined;
  try {
    staging = mkdtempSync(path.join(parent, `.${path.basename(dir)}.init-`));
    writeTree(staging, files);
    if (existsSync(dir)) rmdirSync(dir);
    renameSync(staging, dir);
  } catch (error) {
    if (staging) rmSync(staging, { recursive: true, force: true });
    throw ioError(error, dir);
  }
}

/** A file-system failure as a Chinese message naming the folder (exit code 2), never a stack trace. */
function ioError(error: unknown, dir: string): UsageError {
  const parent = path.dirname(dir);
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, [string, string]> = {
    EACCES: [`没有权限在 ${parent} 中建立文件夹`, '换一个有写入权限的位置，例如自己的主目录'],
    EPERM: [`没有权限在 ${parent} 中建立文件夹`, '换一个有写入权限的位置，例如自己的主目录'],
    EROFS: [`${parent} 在只读的文件系统上`, '换一个可以写入的位置'],
    ENOSPC: ['磁盘空间不足', '清理磁盘后重试'],
    ENOTDIR: [`${parent} 不是文件夹`, '换一个位置'],
    ENOENT: [`${parent} 中不能建立文件夹`, '换一个普通的文件夹，例如 ledger init ~/台账'],
  };
  const [reason, hint] = reasons[code ?? ''] ?? [`文件系统错误 ${code ?? String(error)}`, '换一个位置重试'];
  return new UsageError(`无法建立 ${dir}：${reason}`, hint);
}

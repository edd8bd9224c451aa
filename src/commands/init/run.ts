import { dayAt } from '../../core/model/ledger-version.js';
import { DEFAULT_TIMEZONE } from '../../core/model/schema.js';
import { clockNow } from '../../io/clock.js';
import path from 'node:path';
import { INIT_LAYOUT, initFiles, packageNameFor } from '../../core/model/init-files.js';
import { UsageError } from '../../errors.js';
import { gitAvailable, initRepository } from '../../io/git.js';
import { defaultToolSpec, parseToolSpec, type ToolSpec } from '../../core/model/tool-spec.js';
import { readTemplate, toolPackage } from '../../io/templates.js';
import { readOptional } from '../../io/optional-file.js';
import { createFolderWith, refuseNonEmpty } from '../../io/write-tree.js';

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
  createFolderWith(dir, { ...files, ...extra });
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
  if (spec.kind === 'invalid')
    throw new UsageError(
      `--tool 的值${spec.reason}，不是 npm 能安装的依赖；未建立任何文件`,
      '例如 --tool ^0.1.0、--tool git+https://git.example.gov.cn/tools/ledger.git#v0.1.0 或 --tool ./szs-ledger-0.1.0.tgz',
    );
  if (spec.kind === 'folder')
    throw new UsageError(
      `--tool ${spec.path} 是本机的文件夹，CI 和其他电脑上没有它，npm install 会失败`,
      '用已发布的版本（默认，或 --tool ^0.1.0）、git 地址、内部 npm 仓库中的包名，或 npm pack 生成的 .tgz 文件（会复制进新仓库的 tools/）',
    );
  if (spec.kind !== 'tarball') return { dependency: spec.dependency, extra: {} };
  const bytes = readOptional(path.resolve(cwd, spec.path));
  if (!bytes)
    throw new UsageError(
      `读不到 --tool 指定的文件 ${spec.path}`,
      '先在工具目录运行 npm pack，再用 --tool 指向生成的 .tgz',
    );
  return { dependency: spec.dependency, extra: { [spec.target]: bytes } };
}

import { lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pushAll } from '../core/model/arrays.js';
import { classifyReportPath, REPORTS_DIR } from '../core/reports/report-path.js';
import { UsageError } from '../errors.js';
import { insideRepo } from './repo-path.js';

export interface Input {
  absolute: string;
  /** Relative to the root when inside it, else as absolute. */
  file: string;
}

/**
 * The report files `paths` name (given relative to `cwd`): files as given, folders of reports/ walked
 * (evidence folders left out), anything else refused with a UsageError.
 */
export function expandInputs(root: string, cwd: string, paths: readonly string[]): Input[] {
  if (paths.length === 0) throw new UsageError('没有给出要合并的报送文件', '例如 ledger merge reports/2020-07/');
  const files: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const rel = relativeTo(root, absolute);
    if (rel !== undefined) insideRepo(root, rel);
    const stat = statGiven(absolute, given);
    if (stat.isDirectory() && /\.ya?ml$/i.test(absolute)) throw folderNamedLikeReport(given);
    const inReports = rel === REPORTS_DIR || rel?.startsWith(`${REPORTS_DIR}/`);
    if (!stat.isDirectory()) files.push(absolute);
    else if (inReports)
      pushAll(
        files,
        filesUnder(absolute).filter((file) => !isEvidence(root, file)),
      );
    else {
      throw new UsageError(
        `请给出 reports/ 下的报送文件、月份文件夹或 reports/ 本身（${given} 是 reports/ 以外的文件夹，不会逐个查找其中的文件）`,
        '例如 ledger merge reports/2020-07；reports/ 以外填好的报送表请逐个给出：ledger merge ~/下载/大武口区-2020-07-报送表.xlsx',
      );
    }
  }
  if (files.length === 0)
    throw new UsageError(
      `${paths.join('、')} 中没有报送文件，未合并任何报送`,
      '报送文件放在 reports/YYYY-MM/ 中，名为 单位规范名称.yaml；或直接给出填好的 .xlsx 报送表',
    );
  return [...new Set(files)].map((absolute) => ({ absolute, file: relativeTo(root, absolute) ?? absolute }));
}

/** Evidence beside a report (reports/YYYY-MM/<unit>/…) is not merged; validate checks its folder name. */
function isEvidence(root: string, absolute: string): boolean {
  return classifyReportPath(relativeTo(root, absolute) ?? '').kind === 'evidence';
}

function statGiven(absolute: string, given: string) {
  try {
    return statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new UsageError(`${given} 是循环的符号链接，无法读取`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`没有读取 ${given} 的权限`);
    throw new UsageError(`找不到 ${given}`);
  }
}

/** `absolute` relative to the root with forward slashes, or undefined when outside it. */
function relativeTo(root: string, absolute: string): string | undefined {
  const rel = path.relative(root, absolute);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : undefined;
}

/**
 * Every file under a folder of reports/, sorted; symbolic links are listed, never followed (they are
 * stray files). A folder named like a report (`市公安局.yaml`) is refused: skipping it would merge
 * nothing and say so only as “合并了 0 份报送”.
 */
function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      if (!lstatSync(file).isDirectory()) return [file];
      if (/\.ya?ml$/i.test(name)) throw folderNamedLikeReport(file);
      return filesUnder(file);
    });
}

function folderNamedLikeReport(folder: string): UsageError {
  return new UsageError(
    `${folder} 是文件夹，不是报送文件（名字像报送文件，其中的内容不会被合并）`,
    '报送文件应是 reports/YYYY-MM/单位规范名称.yaml 这个文件本身；佐证材料放在 reports/YYYY-MM/单位规范名称/ 文件夹中',
  );
}

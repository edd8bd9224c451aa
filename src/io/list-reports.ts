import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pushAll } from '../core/model/arrays.js';
import { fileDiagnostic, type Diagnostic } from '../core/model/diagnostic.js';
import type { Ledger } from '../core/model/ledger.js';
import { classifyReportPath, isIgnorableReportsFile, REPORTS_DIR } from '../core/reports/report-path.js';
import { isGroup, lookAlikeNote, suggestUnits } from '../core/model/units.js';
import { LINK_HINT, linkProblem, repoFolder } from './repo-path.js';

// Listing reports/ reads no file, so it imports neither yaml nor zod (ledger status lists them on every run).

/** The report files under reports/ (by name and place, not read) and diagnostics for the files that are not reports. */
export function listReportFiles(root: string, ledger: Ledger): { files: string[]; diagnostics: Diagnostic[] } {
  if (repoFolder(root, REPORTS_DIR) === 'absent') return { files: [], diagnostics: [] };
  const isLink = (file: string) => linkProblem(root, file) !== undefined;
  return classifyReportFiles(ledger, listFilesUnder(root, REPORTS_DIR), isLink);
}

/** The same for files listed elsewhere (a Git revision's tree): which are reports, which are not. */
export function classifyReportFiles(
  ledger: Ledger,
  listed: readonly string[],
  isLink: (file: string) => boolean,
): { files: string[]; diagnostics: Diagnostic[] } {
  const out = { files: [] as string[], diagnostics: [] as Diagnostic[] };
  for (const file of listed) {
    if (isIgnorableReportsFile(file)) continue;
    if (isLink(file)) {
      out.diagnostics.push(
        fileDiagnostic(file, {
          code: 'file/symlink',
          message: `拒绝读取 ${file}：${file} 是符号链接`,
          hint: LINK_HINT,
        }),
      );
      continue;
    }
    const problem = strayReason(ledger, file);
    if (problem) out.diagnostics.push(strayDiagnostic(file, problem));
    else if (classifyReportPath(file).kind === 'report') out.files.push(file);
  }
  return out;
}

/** Why a file under reports/ is not a report (a `report/stray-file` diagnostic), or undefined when it is one. */
export function reportsFileProblem(ledger: Ledger, root: string, file: string): Diagnostic | undefined {
  const link = linkProblem(root, file);
  if (link)
    return fileDiagnostic(file, {
      code: 'file/symlink',
      message: `拒绝读取 ${file}：${link}`,
      hint: LINK_HINT,
    });
  const problem = strayReason(ledger, file);
  return problem ? strayDiagnostic(file, problem) : undefined;
}

/** Files (not folders) under `dir`, relative to root with forward slashes, sorted. */
/** Every file under `dir` (relative to `root`), sorted, links included as files (callers refuse them). */
export function listFilesUnder(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir)).sort()) {
    const rel = `${dir}/${name}`;
    const stat = lstatSync(path.join(root, rel));
    if (stat.isDirectory()) pushAll(out, listFilesUnder(root, rel));
    else out.push(rel);
  }
  return out;
}

function strayReason(ledger: Ledger, file: string): string | undefined {
  const shape = classifyReportPath(file);
  if (shape.kind === 'stray') {
    const reasons = {
      'top-level': '不在月份文件夹中',
      'month-folder': '所在文件夹不是月份（YYYY-MM）',
      nested: '位于月份文件夹的子文件夹中',
      extension: file.endsWith('.xlsx') ? '是 Excel 表格；报送文件夹只保存 YAML' : '不是 .yaml 文件',
    } as const;
    return reasons[shape.reason];
  }
  const unit = ledger.units.byName.get(shape.unitName);
  if (shape.kind === 'evidence' && !unit)
    return `位于月份文件夹的子文件夹中，而子文件夹名“${shape.unitName}”不是单位名录中的规范名称（佐证材料放在 reports/YYYY-MM/本单位/ 中）`;
  if (shape.kind === 'evidence') return undefined;
  if (!unit) {
    const alike = lookAlikeNote(ledger.units, shape.unitName);
    if (alike) return `的文件名“${shape.unitName}”不是单位名录中的规范名称：${alike.note}`;
    const near = suggestUnits(ledger.units, shape.unitName);
    return `的文件名“${shape.unitName}”不是单位名录中的规范名称${near.length > 0 ? `（是否应为 ${near.join('、')}？）` : ''}`;
  }
  if (isGroup(ledger.units, unit.name)) return `的文件名是单位组“${unit.name}”，应由成员单位分别报送`;
  return undefined;
}

function strayDiagnostic(file: string, problem: string): Diagnostic {
  return fileDiagnostic(file, {
    code: 'report/stray-file',
    message: `reports/ 中的 ${file} 不是报送文件：它${problem}`,
    hint: file.endsWith('.xlsx')
      ? `用 ledger merge '${file}' 导入（会生成对应的 .yaml），再把 .xlsx 移出 reports/`
      : '报送文件的位置是 reports/YYYY-MM/单位规范名称.yaml，例如 reports/2020-07/市公安局.yaml；请移动、改名或删除这个文件',
  });
}

import { pathKind } from '../../io/optional-file.js';
import path from 'node:path';
import { reportPath } from '../../core/reports/report-path.js';
import { buildReportForm } from '../../core/reports/report-template.js';
import { isGroup } from '../../core/model/units.js';
import { LedgerErrors, UsageError } from '../../errors.js';
import { writeFileAtomically } from '../../io/atomic-file.js';
import { REPORT_SCHEMA_LINE } from '../../core/model/json-schemas.js';
import { relativeInside } from '../../io/repo-path.js';
import { guardOutput, madeAsForm } from '../../io/output-guard.js';
import { withWriteSession, writeRepoFiles } from '../../io/repo-write.js';
import { renderReportYaml } from '../../render/report-yaml.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';
import { writeBlockers } from '../../core/rules/write-blockers.js';
import { openLedger } from '../../io/ledger-repo.js';

export type TemplateFormat = 'yaml' | 'xlsx';

export interface TemplateOptions {
  root: string;
  cwd?: string;
  /** Reporting unit: name, alias or name without 市. */
  unit: string;
  month: string;
  format?: TemplateFormat;
  /** Where to write; "-" for standard output (yaml only). Default: reports/YYYY-MM/<unit>.yaml, or <unit>-YYYY-MM.xlsx in cwd. */
  out?: string;
  /** Overwrite an existing file. */
  force?: boolean;
}

export interface TemplateResult {
  unit: string;
  month: string;
  format: TemplateFormat;
  measures: number;
  /** Absolute path written, or undefined when the form goes to standard output. */
  written?: string;
  /** The form itself when it goes to standard output. */
  text?: string;
}

/** Writes a pre-filled report form for one unit and month. */
export async function template(options: TemplateOptions): Promise<TemplateResult> {
  const { ledger, diagnostics } = await openLedger(options.root).readForWrite();
  const blockers = writeBlockers(diagnostics, '生成报送表');
  if (blockers.length > 0) throw new LedgerErrors(blockers, '未生成报送表');
  const unit = resolveUnitOption(ledger.units, options.unit, '--unit');
  if (isGroup(ledger.units, unit)) {
    const members = ledger.units.byName.get(unit)?.members ?? [];
    throw new UsageError(
      `${unit} 由成员单位分别报送，没有自己的报送表`,
      `为成员单位分别生成：${members.map((m) => `--unit ${m}`).join('、')}`,
    );
  }
  const format = options.format ?? 'yaml';
  const form = buildReportForm(ledger, unit, options.month);
  const base = { unit, month: options.month, format, measures: form.entries.length };
  if (form.entries.length === 0) throw new UsageError(`${unit} 在台账中没有负责的具体措施，无需报送`);
  if (format === 'yaml' && options.out === '-') return { ...base, text: renderReportYaml(form) };
  if (options.out === '-') throw new UsageError('xlsx 表格不能输出到终端', '用 --out 文件名.xlsx 指定保存位置');
  const target = guardOutput(options.root, targetPath(options, unit, format), { kind: 'file', reportForm: true });
  const existing = pathKind(target);
  if (existing === 'folder') {
    throw new UsageError(
      `${target} 是一个目录，不能写成报送表`,
      `--out 请给出文件名，例如 --out ${unit}-${options.month}-报送表.${format}`,
    );
  }
  if (existing && !options.force) {
    throw new UsageError(`${target} 已存在，未覆盖`, '加 --force 覆盖，或用 --out 指定其他文件名');
  }
  if (existing && !madeAsForm(target, format))
    throw new UsageError(
      `${target} 已存在且不是报送表，--force 也不覆盖`,
      '--force 只替换本工具生成的报送表；请用 --out 指定其他文件名',
    );
  const content = format === 'yaml' ? withSchemaLine(options, renderReportYaml(form)) : await xlsxForm(form);
  if (relativeInside(options.root, target) === undefined) writeFileAtomically(target, content);
  else
    withWriteSession(options.root, 'ledger template', (session) =>
      writeRepoFiles(session, [{ path: target, content }]),
    );
  return { ...base, written: target };
}

async function xlsxForm(form: Parameters<typeof renderReportYaml>[0]): Promise<Buffer> {
  const { renderReportXlsx } = await import('../../render/report-xlsx.js');
  const { loadReportFormLayout } = await import('../../io/report-form-layout.js');
  return renderReportXlsx(form, loadReportFormLayout());
}

function targetPath(options: TemplateOptions, unit: string, format: TemplateFormat): string {
  const cwd = options.cwd ?? options.root;
  if (options.out) return path.resolve(cwd, options.out);
  if (format === 'xlsx') return path.resolve(cwd, `${unit}-${options.month}-报送表.xlsx`);
  const rel = reportPath(options.month, unit);
  if (!rel) throw new UsageError(`单位名称“${unit}”不能用作文件名`, '用 --out 指定文件名');
  return path.join(options.root, rel);
}

/** A form written where reports live (reports/YYYY-MM/) names its JSON Schema for the editor on its first line. */
function withSchemaLine(options: TemplateOptions, yaml: string): string {
  return options.out ? yaml : `${REPORT_SCHEMA_LINE}\n${yaml}`;
}

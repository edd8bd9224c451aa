import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { areaFileName } from '../../core/model/area-file-name.js';
import { fileDiagnostic, hasErrors, type Diagnostic } from '../../core/model/diagnostic.js';
import { carryProgress } from '../../core/plan/carry-progress.js';
import { planToAreas, type LedgerFromPlan } from '../../core/plan/plan-to-areas.js';
import type { Plan } from '../../core/plan/plan.js';
import { areaLabel } from '../../core/model/ledger-labels.js';
import { definitionOf } from '../../core/model/progress-fields.js';
import { AreaSchema, UnitsFileSchema, type Area } from '../../core/model/schema.js';
import { buildUnitRegistry } from '../../core/model/units.js';
import { UsageError } from '../../errors.js';
import { parseDeadline } from '../../core/model/deadline.js';
import { serializeArea } from '../../io/area-yaml.js';
import { withWriteSession, writeRepoFiles, type WriteSession } from '../../io/repo-write.js';
import { insideRepo, readRepoFile } from '../../io/repo-path.js';
import { LEDGER_DIR, readSchemaFile, UNITS_FILE } from '../../io/load-ledger.js';
import { openLedger } from '../../io/ledger-repo.js';
import { areaFileNames, existsIn } from '../../io/ledger-root.js';
import { readBytesIfExists } from '../../io/optional-file.js';
import { readPlanFile } from '../../io/read-plan-file.js';
import { unitsWithAdded } from '../../io/units-file.js';
import { pushAll } from '../../core/model/arrays.js';

export interface ImportOptions {
  root: string;
  cwd?: string;
  /** The plan: a .docx, an .xlsx, or text (the flattened attachment, or numbered items). */
  source: string;
  /** Only compare: report area files whose definitions differ from the source. */
  check?: boolean;
  dryRun?: boolean;
  /** The plan's year, for deadlines written without one (“6月底”); default: from its title. */
  year?: number;
  /** 完成时限 for measures that give none. */
  defaultDeadline?: string;
  /** Add unit names the registry does not know to units.yaml. */
  newUnits?: boolean;
}

/** What was read from the plan, for the preview. */
export interface PlanSummary {
  format: Plan['format'];
  levels: Plan['levels'];
  title?: string;
  year?: number;
  skipped: string[];
  newUnits: string[];
  unknownUnits: LedgerFromPlan['unknownUnits'];
  defaulted: string[];
}

export type FileAction = 'create' | 'update' | 'unchanged' | 'remove';

export interface ImportResult {
  diagnostics: Diagnostic[];
  areas: Area[];
  files: { file: string; action: FileAction }[];
  /** Measures whose recorded progress was kept. */
  kept: number;
  written: boolean;
  plan?: PlanSummary;
}

/** The document's text is a few hundred KB; anything far larger is the wrong file. */
const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/**
 * Imports a plan (read by its content: .docx, .xlsx or text) into ledger/NN-标题.yaml. Definitions
 * come from the plan; progress already recorded (status, 工作完成情况, 备注, reports, extensions) is
 * kept. Refuses when a measure with progress would disappear, and writes nothing while the plan has
 * a problem (an unknown unit without --new-units, a measure without deadline …).
 */
export async function importLedger(options: ImportOptions): Promise<ImportResult> {
  if (options.dryRun || options.check) return importIn(options);
  return withWriteSession(options.root, 'ledger import', (session) => importIn(options, session));
}

async function importIn(options: ImportOptions, session?: WriteSession): Promise<ImportResult> {
  const sourcePath = path.resolve(options.cwd ?? options.root, options.source);
  const bytes = readBytesIfExists(sourcePath, MAX_SOURCE_BYTES);
  if (!bytes)
    throw new UsageError(`找不到源文件 ${options.source}`, '给出工作方案的路径：.docx、.xlsx 或纯文本（UTF-8）');
  if (options.defaultDeadline !== undefined && !parseDeadline(options.defaultDeadline))
    throw new UsageError(
      `--default-deadline 的“${options.defaultDeadline}”不是可识别的完成时限`,
      '照文件的写法，例如 --default-deadline 2021年底前、2021年6月底前、长期',
    );
  const sourceName = path.relative(options.root, sourcePath).split(path.sep).join('/');
  const plan = await readPlanFile(bytes, sourceName);
  const { source: unitsFile, diagnostics } = readSchemaFile(
    options.root,
    `${LEDGER_DIR}/${UNITS_FILE}`,
    UnitsFileSchema,
  );
  if (!unitsFile) return { diagnostics, areas: [], files: [], kept: 0, written: false };
  const parsed = planToAreas(plan, buildUnitRegistry(unitsFile.data), {
    file: sourceName,
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.defaultDeadline !== undefined ? { defaultDeadline: options.defaultDeadline } : {}),
    newUnits: options.newUnits ?? false,
  });
  pushAll(diagnostics, parsed.diagnostics);
  if (parsed.areas.length === 0)
    diagnostics.push(
      fileDiagnostic(sourceName, {
        code: 'import/no-attachment',
        message: '源文件中没有找到工作台账：没有表头可识别的表格，也没有写明单位的编号条目',
        hint: '支持的格式和写法见 docs/import.md',
      }),
    );
  const previous = await existingAreas(options.root, diagnostics);
  const carried = carryProgress(parsed.areas, previous);
  for (const measure of carried.orphaned) {
    diagnostics.push(
      fileDiagnostic(sourceName, {
        code: 'import/would-drop-progress',
        message: `现有台账中的具体措施 ${measure.id}（${measure.title}）已有进展，但源文件中没有这项措施`,
        hint: '导入会丢失它的进展，因此未写入任何文件；请先核对编号',
      }),
    );
  }
  // A file that is not the document at all plans nothing (not a list of every area file as 删除).
  const files = parsed.areas.length === 0 ? [] : planFiles(options.root, carried.areas, options.check ?? false);
  if (options.check)
    pushAll(
      diagnostics,
      files.filter((f) => f.action !== 'unchanged').map((f) => outOfDate(f.file, f.action)),
    );
  if (parsed.newUnits.length > 0 && !options.check)
    files.push({
      file: `${LEDGER_DIR}/${UNITS_FILE}`,
      action: 'update',
      content: unitsWithAdded(options.root, parsed.newUnits),
    });
  const result = {
    diagnostics,
    areas: carried.areas,
    files: files.map(({ file, action }) => ({ file, action })),
    kept: carried.kept,
    written: false,
    plan: summaryOf(plan, parsed),
  };
  if (hasErrors(diagnostics) || !session) return result;
  const changed = files.filter((f) => f.action === 'create' || f.action === 'update');
  writeRepoFiles(
    session,
    changed.map((f) => ({ path: insideRepo(options.root, f.file, 'write'), content: f.content })),
    files.filter((f) => f.action === 'remove').map((f) => insideRepo(options.root, f.file, 'write')),
  );
  return { ...result, written: true };
}

function summaryOf(plan: Plan, parsed: LedgerFromPlan): PlanSummary {
  return {
    format: plan.format,
    levels: plan.levels,
    ...(plan.title !== undefined ? { title: plan.title } : {}),
    ...(parsed.year !== undefined ? { year: parsed.year } : {}),
    skipped: plan.skipped,
    newUnits: parsed.newUnits,
    unknownUnits: parsed.unknownUnits,
    defaulted: parsed.defaulted,
  };
}

async function existingAreas(root: string, diagnostics: Diagnostic[]): Promise<Area[]> {
  if (!existsIn(root)(LEDGER_DIR)) return [];
  const loaded = await openLedger(root).readWorkTree();
  const broken = loaded.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'ledger/no-areas');
  if (broken.length > 0) {
    pushAll(diagnostics, [
      ...broken,
      fileDiagnostic(LEDGER_DIR, {
        code: 'import/ledger-invalid',
        message: '现有台账有错误，为避免丢失进展，未导入',
        hint: '先用 ledger validate 修正上面的问题',
      }),
    ]);
  }
  return loaded.ledger.areas.map((a) => a.data);
}

interface PlannedFile {
  file: string;
  action: FileAction;
  content: string;
}

function planFiles(root: string, areas: readonly Area[], compareDefinitions: boolean): PlannedFile[] {
  const present = areaFileNames(root);
  const planned = areas.map((area): PlannedFile => {
    const name = areaFileName(area);
    const content = serializeArea(area, headerComment(area));
    const file = `${LEDGER_DIR}/${name}`;
    if (!present.includes(name)) return { file, action: 'create', content };
    const same = compareDefinitions
      ? sameDefinition(path.join(root, LEDGER_DIR, name), area)
      : new TextDecoder('utf-8', { ignoreBOM: true }).decode(readRepoFile(root, `${LEDGER_DIR}/${name}`)) === content;
    return { file, action: same ? 'unchanged' : 'update', content };
  });
  const produced = new Set(planned.map((p) => p.file));
  const removed = present.map((name) => `${LEDGER_DIR}/${name}`).filter((file) => !produced.has(file));
  return [...planned, ...removed.map((file): PlannedFile => ({ file, action: 'remove', content: '' }))];
}

function sameDefinition(file: string, area: Area): boolean {
  const root = path.dirname(path.dirname(file));
  const existing = readSchemaFile(root, path.relative(root, file).split(path.sep).join('/'), AreaSchema).source;
  return existing !== undefined && isDeepStrictEqual(definitionOf(existing.data), definitionOf(area));
}

function outOfDate(file: string, action: FileAction): Diagnostic {
  const messages: Record<FileAction, string> = {
    create: '源文件中有这个主要指标，台账中缺少对应文件',
    update: '台账文件的定义（标题、全文、完成时限、责任部门、牵头单位）与源文件导入结果不同',
    remove: '源文件中没有对应的主要指标',
    unchanged: '',
  };
  return fileDiagnostic(file, {
    code: 'import/out-of-date',
    message: messages[action],
    hint: '运行 ledger import 重新导入（进展会保留），或核对手工修改',
  });
}

function headerComment(area: Area): string {
  return ` ${areaLabel(area)}\n 定义部分由 ledger import 从源文件生成；status、progress 等进展字段由 ledger merge 写入。`;
}

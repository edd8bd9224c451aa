import { pushAll } from '../model/arrays.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Plan, PlanArea, PlanMeasure, PlanTask } from './plan.js';
import type { GridCell, PlanDocument, PlanGrid } from './plan-grid.js';
import { splitDeadlineNote } from './read-attachment.js';
import { readNumberedText } from './read-numbered-text.js';
import { findHeader, repeatsHeader, type ColumnMeaning } from './table-columns.js';
import { trailingUnits } from './unit-parenthesis.js';

/**
 * Reads a plan from the tables of a Word document or the sheets of a workbook: the header is found
 * by meaning, vertically merged cells group rows into areas and tasks, title rows above the header
 * give the plan's title, full-width rows below the data are notes. A Word table without a header
 * continues the one before it (a table split across pages); a sheet without one is not read. A
 * document with no such table is read as numbered text from its paragraphs.
 */
const LEVEL_MARK =
  /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d{1,3}\s*[.．、)）](?!\d))\s*/;

interface Columns {
  meanings: (ColumnMeaning | undefined)[];
  levels: ColumnMeaning[];
}

interface State {
  plan: Plan;
  area?: PlanArea;
  task?: PlanTask;
  measure?: { value: PlanMeasure; origin: string };
  /**
   * The last full-width row between data rows (“一、深化商事制度改革”), in a table with fewer than
   * three level columns: sections are its areas, and its level column (if any) gives the tasks.
   */
  section?: string;
}

export function readTables(document: PlanDocument, format: 'docx' | 'xlsx'): Plan {
  const diagnostics: Diagnostic[] = [];
  const state: State = { plan: { format, levels: 3, areas: [], skipped: [], diagnostics } };
  const titles = document.paragraphs.slice(0, Math.min(3, document.before ?? document.paragraphs.length));
  let columns: Columns | undefined;
  for (const grid of document.grids) {
    const header = findHeader(grid.rows);
    if (header) {
      pushAll(titles, grid.rows.slice(0, header.start).map(rowText).filter(Boolean));
      columns = columnsOf(header.columns);
      const title = titles.filter(Boolean).join(' ');
      if (title) state.plan.title = title;
    } else if (format === 'xlsx' || !columns || grid.rows[0]?.length !== columns.meanings.length) continue;
    for (let r = header?.end ?? 0; r < grid.rows.length; r++) readRow(grid, r, columns, state);
    state.measure = undefined;
  }
  if (!columns) return readNumberedText(document.paragraphs, format);
  const sectioned = state.plan.areas.length > 0 && state.section !== undefined && columns.levels.length === 2;
  state.plan.levels = columns.levels.length >= 3 || sectioned ? 3 : 2;
  state.plan.areas = state.plan.areas.filter((a) => a.tasks.some((t) => t.measures.length > 0));
  return state.plan;
}

function columnsOf(meanings: (ColumnMeaning | undefined)[]): Columns {
  const levels = (['area', 'task', 'measure'] as const).filter((m) => meanings.includes(m));
  return { meanings, levels: levels.length === 2 && levels[0] === 'task' ? ['area', 'measure'] : levels };
}

function readRow(grid: PlanGrid, r: number, columns: Columns, state: State): void {
  const row = grid.rows[r]!;
  if (row.every((c) => c.text === '') || repeatsHeader(row, columns.meanings)) return;
  const filled = row.filter((c) => c.text !== '');
  const text = rowText(row);
  const oneCell = new Set(filled.map((c) => c.origin)).size === 1;
  if (oneCell && (filled.length >= 2 || /^(注|说明)/.test(text))) {
    if (columns.levels.length >= 3 || /^(注|说明)/.test(text)) state.plan.skipped.push(text);
    else state.section = flat(strip(text));
    return;
  }
  const cell = (meaning: ColumnMeaning): GridCell | undefined => {
    const i = columns.meanings.indexOf(meaning === 'area' && !columns.meanings.includes('area') ? 'task' : meaning);
    return i < 0 ? undefined : row[i];
  };
  const at = { line: grid.lines[r]!, col: columns.meanings.indexOf('measure') + 1 };
  const measureCell = cell('measure');
  if (!measureCell || measureCell.text === '') return;
  const levels = rowLevels(cell, columns, state);
  if (!state.area || (levels.area !== '' && levels.area !== state.area.heading)) {
    state.area = { heading: levels.area, tasks: [], at };
    state.plan.areas.push(state.area);
    state.task = undefined;
  }
  if (!state.task || (levels.task !== '' && flat(strip(levels.task)) !== state.task.text)) {
    const heading = state.area.heading;
    const text = levels.task ? flat(strip(levels.task)) : (trailingUnits(heading)?.text ?? heading);
    state.task = { text, ...numbered(levels.task), measures: [], at };
    state.area.tasks.push(state.task);
  }
  const leads = texts(row, columns.meanings, 'leads');
  const units = texts(row, columns.meanings, 'units');
  if (state.measure?.origin === measureCell.origin) {
    const value = state.measure.value;
    if (leads) value.leads = value.leads ? `${value.leads}、${leads}` : leads;
    if (units) value.units = value.units ? `${value.units}、${units}` : units;
    return;
  }
  const value = measureOf(measureCell.text, { leads, units }, row, columns.meanings, at);
  state.task.measures.push(value);
  state.measure = { value, origin: measureCell.origin };
}

/** A data row's area and task as written: from its level columns, or under the table's section rows. */
function rowLevels(
  cell: (meaning: ColumnMeaning) => GridCell | undefined,
  columns: Columns,
  state: State,
): { area: string; task: string } {
  const written = (meaning: ColumnMeaning) => cell(meaning)?.text ?? '';
  if (state.section !== undefined)
    return { area: state.section, task: columns.levels.length >= 2 ? written('area') : '' };
  const area = columns.levels.length >= 2 ? flat(strip(written('area'))) : '';
  const first = state.area ? '' : (state.plan.title ?? '工作任务');
  return { area: area || first, task: columns.levels.length >= 3 ? written('task') : '' };
}

function measureOf(
  written: string,
  who: { leads?: string | undefined; units?: string | undefined },
  row: readonly GridCell[],
  meanings: readonly (ColumnMeaning | undefined)[],
  at: PlanMeasure['at'],
): PlanMeasure {
  let text = flat(strip(written));
  let deadline = texts(row, meanings, 'deadline');
  if (deadline === undefined && text.includes('完成时限')) ({ text, deadline } = splitDeadlineNote(text));
  let { leads, units } = who;
  if (leads === undefined && units === undefined) {
    const paren = trailingUnits(text);
    if (paren && (paren.leads || paren.units)) {
      ({ text, leads, units } = paren);
      deadline ??= paren.deadline;
    }
  }
  const progress = texts(row, meanings, 'progress');
  const remark = texts(row, meanings, 'remark');
  return {
    text,
    ...(deadline !== undefined ? { deadline: flat(deadline) } : {}),
    ...(leads !== undefined ? { leads } : {}),
    ...(units !== undefined ? { units } : {}),
    ...(progress !== undefined ? { progress: flat(progress) } : {}),
    ...(remark !== undefined ? { remark: flat(remark) } : {}),
    ...numbered(written),
    at,
  };
}

/** The texts of a row's columns with one meaning, joined; undefined when all are empty. */
function texts(row: readonly GridCell[], meanings: readonly (ColumnMeaning | undefined)[], meaning: ColumnMeaning) {
  const parts = row.filter((c, i) => meanings[i] === meaning && c.text !== '').map((c) => c.text);
  return parts.length > 0 ? [...new Set(parts)].join('、') : undefined;
}

/** The number a cell's text starts with (“1.”, “（一）”, “2)”), if any. */
function numbered(text: string): { number?: number } {
  const digits = /^\s*[（(]?\s*(\d{1,3})\s*[.．、)）](?!\d)/.exec(text);
  return digits ? { number: Number(digits[1]) } : {};
}

function strip(text: string): string {
  return text.replace(LEVEL_MARK, '');
}

/** A cell's paragraphs as one line. */
function flat(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .join('');
}

function rowText(row: readonly GridCell[]): string {
  return flat([...new Set(row.map((c) => c.text).filter(Boolean))].join(' '));
}

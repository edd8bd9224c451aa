import type { GridCell } from './plan-grid.js';

/** What a column holds, by its header's meaning. */
export type ColumnMeaning =
  'number' | 'area' | 'task' | 'measure' | 'deadline' | 'leads' | 'units' | 'progress' | 'remark';

/** Tried in order: “具体措施及完成时限” is a measure column, “牵头单位” never a units column. */
const MEANINGS: readonly [ColumnMeaning, RegExp][] = [
  ['number', /^(序号|编号|序)$/],
  ['progress', /完成情况|进展情况|推进情况|落实情况/],
  ['remark', /^备\s*注$/],
  ['leads', /牵头(单位|部门)|^牵头$/],
  ['units', /责任(单位|部门)|配合(单位|部门)|协办单位|参与单位|协同单位/],
  ['measure', /具体措施|工作措施|主要措施|推进措施|具体举措|措施|具体内容|工作内容/],
  ['task', /目标任务|任务目标|工作目标|二级任务|具体任务/],
  ['area', /主要指标|重点任务|工作任务|重点领域|主要任务|一级任务|任务名称|改革事项|指标/],
  ['deadline', /完成时限|时间节点|完成时间|完成期限|时限/],
];

export function meaningOf(header: string): ColumnMeaning | undefined {
  const text = header.replace(/\s+/g, '');
  return text === '' ? undefined : MEANINGS.find(([, pattern]) => pattern.test(text))?.[0];
}

export interface HeaderRows {
  /** Index of the first row after the header. */
  end: number;
  /** Index of the first header row (rows above it are title rows). */
  start: number;
  columns: (ColumnMeaning | undefined)[];
}

const LOOK_AHEAD = 8;

/**
 * The header of a table: the first row (among the first few) where three columns or more have a
 * meaning, one of them a measure column, and the rows under it that only refine it (a second row
 * splitting 责任单位 into 牵头单位 and 配合单位). A column's meaning is its lowest header cell's.
 */
export function findHeader(rows: readonly GridCell[][]): HeaderRows | undefined {
  for (let start = 0; start < Math.min(rows.length, LOOK_AHEAD); start++) {
    const meanings = rows[start]!.map((c) => meaningOf(c.text));
    if (new Set(meanings.filter(Boolean)).size < 3 || !meanings.includes('measure')) continue;
    let end = start + 1;
    const columns = [...meanings];
    while (end < rows.length && refinesHeader(rows[end]!, rows[end - 1]!)) {
      rows[end]!.forEach((cell, i) => {
        const meaning = meaningOf(cell.text);
        if (meaning && cell.origin !== rows[end - 1]![i]?.origin) columns[i] = meaning;
      });
      end++;
    }
    return { start, end, columns };
  }
  return undefined;
}

/** A row under a header row that is part of it: each cell continues the one above or has a meaning. */
function refinesHeader(row: readonly GridCell[], above: readonly GridCell[]): boolean {
  const own = row.filter((cell, i) => cell.text !== '' && cell.origin !== above[i]?.origin);
  return own.length > 0 && own.every((cell) => meaningOf(cell.text) !== undefined);
}

/** Whether a row repeats the header (a table continued on the next page). */
export function repeatsHeader(row: readonly GridCell[], columns: readonly (ColumnMeaning | undefined)[]): boolean {
  const named = row.filter(
    (cell, i) => cell.text !== '' && columns[i] !== undefined && meaningOf(cell.text) === columns[i],
  );
  return named.length >= 3;
}

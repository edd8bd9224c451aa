/**
 * Pages of the printed 台账, planned from the row heights ledger computes
 * itself: a page breaks only between measures, and a merged cell never
 * crosses a break — a task (目标任务) or area (主要指标) that goes on gets a cell
 * of its own at the top of the next page, with its name and “（续）”; a task's
 * full text stays whole on its first page. Pure: the xlsx writer follows the
 * plan (merges, labels, heights, row breaks).
 */
import type { LedgerAreaGroup, LedgerRow, LedgerTable, LedgerTaskGroup } from '../core/summaries/ledger-table.js';
import { fittingHeight, growSpan } from './cell-layout.js';

export interface MergedLabel {
  label: string;
  /** Rows the merged cell spans, this one included. */
  span: number;
}

export interface PlannedRow {
  row: LedgerRow;
  /** Points. */
  height: number;
  /** A 主要指标 cell starts here. */
  area?: MergedLabel;
  /** A 目标任务 cell starts here. */
  task?: MergedLabel;
  /** The last row of its page (not set on the last page). */
  breakAfter?: boolean;
}

/** Points of rows that fit on the first page (below title and legend) and on the others (below the header). */
export interface PageSpace {
  first: number;
  rest: number;
}

export const CONTINUED = '（续）';

/** “一、持续深化商事制度改革（市审批局牵头）（续）”. */
export function continuedAreaLabel(area: Pick<LedgerAreaGroup, 'label'>): string {
  return `${area.label}${CONTINUED}`;
}

/** “1.不断提升企业开办效率（续）”: the task's number and first sentence. */
export function continuedTaskLabel(task: Pick<LedgerTaskGroup, 'label'>): string {
  const end = task.label.indexOf('。');
  const head = end > 0 && end <= 40 ? task.label.slice(0, end) : [...task.label].slice(0, 20).join('');
  return `${head}${CONTINUED}`;
}

/** The rows in order with heights, merged labels and page breaks; `widths` are the 台账's six column widths. */
export function planLedgerPages(table: LedgerTable, widths: readonly number[], space: PageSpace): PlannedRow[] {
  const plan = new Planner(widths, space);
  for (const area of table.areas) {
    plan.startArea(area);
    for (const task of area.tasks) plan.placeTask(task);
    plan.closeArea();
  }
  return plan.rows;
}

class Planner {
  readonly rows: PlannedRow[] = [];
  private room: number;
  private pageStart = 0;
  private area?: LedgerAreaGroup;
  /** Index of the row holding the open 主要指标 cell on this page. */
  private areaAt?: number;
  private areaShown = false;

  constructor(
    private readonly widths: readonly number[],
    private readonly space: PageSpace,
  ) {
    this.room = space.first;
  }

  startArea(area: LedgerAreaGroup): void {
    this.area = area;
    this.areaAt = undefined;
    this.areaShown = false;
  }

  closeArea(): void {
    this.closeAreaCell();
  }

  /**
   * Places a task's rows, filling the page: it starts on this page when the page has room for its full
   * label (and the area's, when it opens the area's cell) and its first measure; it breaks between
   * measures, and the part on the next page gets the short label with “（续）”.
   */
  placeTask(task: LedgerTaskGroup): void {
    const heights = task.rows.map((row) => fittingHeight(row.cells, this.widths.slice(2)));
    const start = Math.max(this.labelHeight(task.label, 1), heights[0]!) + this.areaNeed();
    if (this.rows.length > this.pageStart && start > this.room) this.newPage();
    let label = task.label;
    let first = this.rows.length;
    let segment = 0;
    task.rows.forEach((row, i) => {
      if (segment > 0 && heights[i]! > this.room - Math.max(0, this.labelHeight(label, 1) - segment)) {
        this.closeTaskCell(first, label);
        this.newPage();
        label = continuedTaskLabel(task);
        first = this.rows.length;
        segment = 0;
      }
      this.openAreaCell();
      this.rows.push({ row, height: heights[i]! });
      this.room -= heights[i]!;
      segment += heights[i]!;
    });
    this.closeTaskCell(first, label);
  }

  /** Points the area's label needs when this task opens the area's cell on the page (0 when it is open). */
  private areaNeed(): number {
    if (this.areaAt !== undefined) return 0;
    return this.labelHeight(this.areaShown ? continuedAreaLabel(this.area!) : this.area!.label, 0);
  }

  private openAreaCell(): void {
    if (this.areaAt !== undefined) return;
    this.areaAt = this.rows.length;
  }

  private closeAreaCell(): void {
    if (this.areaAt === undefined || this.areaAt >= this.rows.length) return;
    const label = this.areaShown ? continuedAreaLabel(this.area!) : this.area!.label;
    this.rows[this.areaAt]!.area = { label, span: this.rows.length - this.areaAt };
    this.grow(this.areaAt, this.labelHeight(label, 0));
    this.areaShown = true;
    this.areaAt = undefined;
  }

  private closeTaskCell(start: number, label: string): void {
    if (start >= this.rows.length) return;
    this.rows[start]!.task = { label, span: this.rows.length - start };
    this.grow(start, this.labelHeight(label, 1));
  }

  /** Grows rows start.. (to the end) together until they are `needed` points tall. */
  private grow(start: number, needed: number): void {
    const heights = this.rows.slice(start).map((r) => r.height);
    const before = sum(heights);
    growSpan(heights, 0, heights.length - 1, needed);
    heights.forEach((h, i) => (this.rows[start + i]!.height = h));
    this.room -= sum(heights) - before;
  }

  private newPage(): void {
    this.closeAreaCell();
    this.rows.at(-1)!.breakAfter = true;
    this.pageStart = this.rows.length;
    this.room = this.space.rest;
  }

  private labelHeight(label: string, column: number): number {
    return fittingHeight([label], [this.widths[column]!]);
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

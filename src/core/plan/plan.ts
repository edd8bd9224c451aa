import type { Diagnostic } from '../model/diagnostic.js';

/**
 * A plan as its document writes it, whatever the format: the one model every reader yields
 * (read-attachment, read-numbered-text, read-table) and planToAreas turns into the ledger.
 * Texts are as written: unit names unresolved, deadlines unnormalised, numbering marks removed.
 */
export type PlanFormat = 'attachment' | 'numbered-text' | 'docx' | 'xlsx';

/** Where something is in the source: a line (text), or a table row and column (line = row). */
export interface PlanPlace {
  line: number;
  col: number;
}

/** 具体措施 (or whatever the document calls its deepest level). */
export interface PlanMeasure {
  text: string;
  /** 完成时限 as written in its own cell or parenthesis; undefined when the document gives none there. */
  deadline?: string;
  /** 牵头单位 as written (one cell or the part of a parenthesis), separators and all. */
  leads?: string;
  /** 责任单位/责任部门/配合单位 as written. */
  units?: string;
  /** Where the units were written, when that is not `at` (the attachment's unit lines). */
  unitsAt?: PlanPlace;
  /** 工作完成情况 and 备注 columns, when the document fills them. */
  progress?: string;
  remark?: string;
  /** The number the document gives it (its id follows it); else its position. */
  number?: number;
  at: PlanPlace;
}

/** 目标任务 */
export interface PlanTask {
  text: string;
  /** Units written on the task, for measures that name none. */
  leads?: string;
  units?: string;
  number?: number;
  measures: PlanMeasure[];
  at: PlanPlace;
}

/** 主要指标: its heading may end with “(市审批局牵头)” or “(…分别牵头)”. */
export interface PlanArea {
  heading: string;
  /** Units written on the area (else read from its heading), for measures that name none. */
  leads?: string;
  units?: string;
  number?: number;
  tasks: PlanTask[];
  at: PlanPlace;
}

export interface Plan {
  format: PlanFormat;
  /** The document's title (title rows, first lines): the plan year is read from it. */
  title?: string;
  /** 3 when the document has area, task and measure levels; 2 when each area got one task. */
  levels: 2 | 3;
  areas: PlanArea[];
  /** Parts of the document left out (notes, sections without measures), for the preview. */
  skipped: string[];
  diagnostics: Diagnostic[];
}

/**
 * A table as io reads it from a .docx or .xlsx: rows of cells, a merged cell's text repeated in
 * every cell it covers, with the same `origin` (so that rows under one merged cell are told apart
 * from rows that merely repeat a text).
 */
export interface GridCell {
  text: string;
  origin: string;
}

export interface PlanGrid {
  rows: GridCell[][];
  /** Each row's line for diagnostics (the sheet's row number; the document's running table row). */
  lines: number[];
}

/** A document: its paragraphs outside tables (in order) and its tables. */
export interface PlanDocument {
  paragraphs: string[];
  /** How many paragraphs come before the first table (its title); all when there is none. */
  before?: number;
  grids: PlanGrid[];
}

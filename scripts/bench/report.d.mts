// Types for report.mjs (plain node), so that tests can import it.
export const NOTES_MARKER: string;
export const HEADERS: readonly string[];
export function rowCells(row: Record<string, unknown>): string[];
export function textTable(rows: Record<string, unknown>[]): string;
export function benchmarksMarkdown(input: {
  machine: Record<string, string>;
  startedAt: string;
  totalMs: number;
  rows: Record<string, unknown>[];
  targets: { name: string; limit: string; measured?: string; met?: boolean; miss?: string }[];
  fixtures: string[];
  profiles: { title: string; summary: string }[];
  file: string;
}): string;

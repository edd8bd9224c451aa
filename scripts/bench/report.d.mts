// Types for report.mjs (plain node), so that tests can import it.
export const NOTES_MARKER: string;
export const HEADERS: readonly string[];
export function rowCells(row: Record<string, unknown>): string[];
export function textTable(rows: Record<string, unknown>[]): string;
export function benchmarksMarkdown(input: {
  machine: Record<string, string>;
  startedAt: string;
  totalMs: number;
  prepareMs?: number;
  /** LEDGER_NOW of the rows on this repository's own checkout. */
  now?: string;
  quick?: boolean;
  rows: Record<string, unknown>[];
  targets: { name: string; limit: string; measured?: string; met?: boolean; miss?: string }[];
  /** The dated repositories (dated-repos.mjs): spec and facts. */
  repos?: Record<string, unknown>[];
  outputs?: import('./outputs.mjs').OutputCheck[];
  fixtures: string[];
  profiles: { title: string; summary: string }[];
  scaling?: ScalingCheck[];
  file: string;
}): string;
export interface ScalingCheck {
  label: string;
  from: string;
  to: string;
  ratio: number;
  flagged: boolean;
}
export const SCALING_LIMIT: number;
export function scalingChecks(rows: Record<string, unknown>[]): ScalingCheck[];

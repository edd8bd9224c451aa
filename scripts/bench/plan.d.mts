// Types for plan.mjs (plain node), so that tests can import it.
export interface Target {
  name: string;
  limit: string;
  measured?: string;
  met?: boolean;
  miss?: string;
  profile?: string;
}
export function evaluateTargets(rows: Record<string, unknown>[]): Target[];
export const ZONES: readonly { key: string; tz: string }[];
export function buildPlan(options: {
  repo: string;
  bin: string;
  work: string;
  sizes: number[];
  quick?: boolean;
  /** LEDGER_NOW of the rows on this repository's own checkout. */
  now: string;
  log: (line: string) => void;
}): {
  groups: { name: string; cwd: string; rounds: number; rows: Record<string, unknown>[] }[];
  repos: Record<string, unknown>[];
  fixtures: string[];
};

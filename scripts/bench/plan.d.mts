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
export function buildPlan(options: {
  repo: string;
  bin: string;
  work: string;
  sizes: number[];
  log: (line: string) => void;
}): {
  groups: { name: string; cwd: string; rounds: number; rows: Record<string, unknown>[] }[];
  fixtures: string[];
};

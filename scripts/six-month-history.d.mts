// Types for scripts/six-month-history.mjs (a plain-node script), so that tests can import it.
export const REPO_ROOT: string;
export const HISTORY_MONTHS: readonly string[];
export function unitMeasures(root: string): Map<string, { id: string; deadline: string; units: string[] }[]>;
export function buildHistory(
  dir: string,
  options?: { months?: number; late?: number; missing?: number },
): Promise<{ late: string[]; missing: string[] }>;

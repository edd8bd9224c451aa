// Types for scripts/generate-ledger.mjs (a plain-node script), so that tests can import it.
export interface GenerateOptions {
  measures: number;
  seed?: number;
  /** The reports' month, YYYY-MM; the ledger holds reports merged in the month before. */
  month?: string;
  /** Also write reports/<month>/<unit>.yaml for every unit with measures. */
  reports?: boolean;
}
export const AREA_TITLES: readonly (readonly [string, readonly string[]])[];
export const DEADLINE_FORMS: readonly (readonly [string, number])[];
export function random(seed: number): () => number;
export function areaCount(measures: number): number;
export function generateLedger(options: GenerateOptions): Record<string, string>;
export function writeFiles(dir: string, files: Record<string, string>): void;

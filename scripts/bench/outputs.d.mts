// Types for outputs.mjs (plain node), so that tests can import it.
export interface OutputCheck {
  /** The command and repository, as labelled. */
  key: string;
  labels: string[];
  same: boolean;
  detail?: string;
}
export function checkOutputs(rows: Record<string, unknown>[]): OutputCheck[];

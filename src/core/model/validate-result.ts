import type { Diagnostic } from './diagnostic.js';

/** What `ledger validate` found, for its renderers (render/diagnostics.ts) and for `ledger check`. */
export interface ValidateSummary {
  errors: number;
  warnings: number;
  files: number;
  measures: number;
}

export interface ValidateResult {
  diagnostics: Diagnostic[];
  summary: ValidateSummary;
}

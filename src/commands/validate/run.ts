import type { ValidateResult } from '../../core/model/validate-result.js';
import { validateTree, type ValidateOptions } from '../../io/validate-tree.js';

export type { ValidateOptions } from '../../io/validate-tree.js';
export type { ValidateResult, ValidateSummary } from '../../core/model/validate-result.js';

/** Loads the ledger, runs every check and returns all findings, sorted by place. */
export async function validate(options: ValidateOptions): Promise<ValidateResult> {
  return (await validateTree(options)).result;
}

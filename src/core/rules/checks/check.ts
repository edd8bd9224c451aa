import type { Diagnostic } from '../../model/diagnostic.js';
import type { Ledger } from '../../model/ledger.js';

/** An independent rule over the whole ledger; it returns all its findings. */
export interface Check {
  name: string;
  run(ledger: Ledger): Diagnostic[];
}

/** Runs every check; a check that throws becomes an internal/check-failed diagnostic. */
export function runChecks(ledger: Ledger, checks: readonly Check[]): Diagnostic[] {
  return checks.flatMap((check) => {
    try {
      return check.run(ledger);
    } catch (error) {
      return [
        {
          code: 'internal/check-failed',
          severity: 'error' as const,
          file: 'ledger',
          line: 0,
          col: 0,
          message: `检查 ${check.name} 自身出错：${error instanceof Error ? error.message : String(error)}`,
          hint: '这是 ledger 工具的缺陷，请把这条信息报告给维护者',
        },
      ];
    }
  });
}

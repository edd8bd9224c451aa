import { EXIT_OK, EXIT_PROBLEMS, writeErr, writeOut, type GlobalOptions } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { sharedSummaryOptions } from './options.js';

/** `ledger summary --quarter`: maps the flags to quarterReport, prints the result, returns the exit code. */
export async function runQuarter(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  if (options.month !== undefined)
    throw new UsageError(
      '--month 与 --quarter 不能同时使用',
      '月度汇总用 --month 2020-07；季度报告用 --quarter 2020Q3',
    );
  const { quarterReport, parseQuarterOption } = await import('./quarter.js');
  const quarter = parseQuarterOption(String(options.quarter)).quarter;
  const result = await quarterReport({ ...sharedSummaryOptions(options, global), quarter });
  if (result.diagnostics.length > 0) {
    const { renderLedgerErrors } = await import('../../render/diagnostics.js');
    writeErr(renderLedgerErrors(result.diagnostics, '未生成季度报告'));
    return EXIT_PROBLEMS;
  }
  if (result.text !== undefined) writeOut(result.text);
  else {
    const r = result.report!;
    writeOut(
      `已生成 ${r.label}报告（${r.start.day} 至 ${r.end.day}：本季度完成 ${r.completed.length} 项，` +
        `逾期 ${r.start.counts.overdue} → ${r.end.counts.overdue}）到 ${result.file}`,
    );
  }
  return EXIT_OK;
}

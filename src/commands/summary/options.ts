import { versionOptions, type GlobalOptions } from '../../cli/spec.js';
import { parseDateArgument } from '../../cli/date-options.js';
import type { SummaryFormat } from './run.js';

/** The flags `summary --month` and `summary --quarter` share, mapped to their run options. */
export function sharedSummaryOptions(options: Record<string, unknown>, global: GlobalOptions) {
  return {
    root: global.root,
    cwd: global.cwd,
    asOf: options.asOf === undefined ? undefined : parseDateArgument(String(options.asOf), '--as-of'),
    ...versionOptions(options),
    format: options.format as SummaryFormat,
    out: options.out as string | undefined,
    lead: options.lead as string | undefined,
    area: options.area === undefined ? undefined : String(options.area),
  };
}

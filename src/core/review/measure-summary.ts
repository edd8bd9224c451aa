/**
 * What `ledger log` shows of a measure: title, units, status and, per unit, the month and status of
 * its last report (to tell whose report changed a status). A projection of the measure as the yaml
 * package read it; the log cache keeps these, not whole measures.
 */
import { normaliseMeasure } from './measure-snapshot.js';

const SUMMARY_FIELDS = ['title', 'units', 'status'] as const;

/** The summary fields of a measure, from any measure value (parsed YAML), in a fixed order. */
export function measureSummary(measure: Record<string, unknown>): Record<string, unknown> {
  const normalised = normaliseMeasure(measure);
  const out: Record<string, unknown> = {};
  for (const field of SUMMARY_FIELDS) if (normalised[field] !== undefined) out[field] = normalised[field];
  const reports = normalised.unit_reports;
  if (typeof reports === 'object' && reports !== null) {
    const entries = Object.entries(reports as Record<string, { month?: unknown; status?: unknown }>);
    out.unit_reports = Object.fromEntries(
      entries.map(([unit, r]) => [unit, `${String(r?.month)} ${String(r?.status)}`]),
    );
  }
  return out;
}

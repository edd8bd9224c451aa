/**
 * What `ledger log` shows of a measure: title, units, status and, per unit, the month and status of
 * its last report and its verification's state and verifier (to tell whose report, or whose 退回,
 * changed a status). A projection of the measure as the yaml
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
    const entries = Object.entries(
      reports as Record<
        string,
        { month?: unknown; status?: unknown; verification?: { state?: unknown; by?: unknown } }
      >,
    );
    out.unit_reports = Object.fromEntries(entries.map(([unit, r]) => [unit, reportSummary(r)]));
  }
  return out;
}

function reportSummary(report: {
  month?: unknown;
  status?: unknown;
  verification?: { state?: unknown; by?: unknown };
}) {
  const out: Record<string, unknown> = { month: String(report?.month), status: String(report?.status) };
  const verification = report?.verification;
  if (verification) out.verification = { state: String(verification.state), by: String(verification.by) };
  return out;
}

/**
 * 销号: the lead's check of a part its unit reported 已完成.
 *
 * Rules (docs/supervision.md):
 * - Who verifies: the measure's leads (牵头单位) or the supervisors (config
 *   `supervisors`), never the unit whose part it is (a lead's own part is
 *   verified by a supervisor).
 * - Only a part whose unit's latest report is 已完成 can be verified or
 *   returned. Returning it sets the unit's status to 推进中 with the reason;
 *   the measure, if it was 已完成, goes back to 推进中 too.
 * - A verification stays while the unit keeps reporting 已完成; any other new
 *   report drops it.
 * - With config `require_verification`, a part reported 已完成 without a
 *   verification is 待核验; without it, verification is recorded but optional.
 */
import type { UnitReport, Verification } from '../model/schema.js';

export type VerificationState = '待核验' | '已核验' | '已退回';

export function verifiers(unit: string, leads: readonly string[], supervisors: readonly string[]): string[] {
  return [...new Set([...leads, ...supervisors])].filter((name) => name !== unit);
}

/** The verification state of a unit's part, or undefined when there is nothing to verify. */
export function verificationState(
  report: UnitReport | undefined,
  requireVerification: boolean,
): VerificationState | undefined {
  if (!report) return undefined;
  if (report.verification?.state === '已退回' && report.status !== '已完成') return '已退回';
  if (report.status !== '已完成') return undefined;
  if (report.verification?.state === '已核验') return '已核验';
  return requireVerification ? '待核验' : undefined;
}

/** A new report keeps the lead's verification while the unit still reports 已完成. */
export function carryVerification(before: UnitReport | undefined, next: UnitReport): UnitReport {
  const kept = before?.verification;
  if (!kept || kept.state !== '已核验' || next.status !== '已完成' || before?.status !== '已完成') return next;
  return { ...next, verification: kept };
}

/** The unit's report after the lead verifies it or returns it. */
export function verifiedReport(report: UnitReport, verification: Verification): UnitReport {
  if (verification.state === '已核验') return { ...report, verification };
  const { completed_on: _dropped, ...rest } = report;
  return { ...rest, status: '推进中', verification };
}

/**
 * Who may decide a unit's request to extend its part of a measure (申请延期).
 *
 * Rules (issue 12): a unit never decides its own request. The task's lead
 * (牵头单位) decides requests of the other responsible units; when a lead asks
 * for itself, the supervisors (config `supervisors`, default 市发改委 and
 * 市审批局 — the offices leads report to) decide, never the lead itself.
 */

/** The default of config `supervisors`. */
export const DEFAULT_SUPERVISORS: readonly string[] = ['市发改委', '市审批局'];

/**
 * The units that may decide `requestedBy`'s extension request on a measure
 * whose leads are `leads`: the leads, or — when the requester is one of them —
 * the supervisors. The requester is never among them. Pure.
 */
export function extensionDeciders(
  requestedBy: string,
  leads: readonly string[],
  supervisors: readonly string[] = DEFAULT_SUPERVISORS,
): string[] {
  const pool = leads.includes(requestedBy) ? supervisors : leads;
  return [...new Set(pool)].filter((unit) => unit !== requestedBy);
}

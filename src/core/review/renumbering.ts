import type { MeasureRef } from '../model/ledger.js';
import { sameValue } from '../model/same-value.js';

/** The definition a measure is recognised by: what the document says, not its number. */
export const IDENTITY_FIELDS = ['title', 'text', 'deadline', 'units'] as const;

/** A measure whose definition now sits under another id: `from` at the base, `to` at the head. */
export interface Renumbering {
  from: MeasureRef;
  to: MeasureRef;
}

function likeness(a: MeasureRef, b: MeasureRef): number {
  return IDENTITY_FIELDS.filter((field) => sameValue(a.measure[field], b.measure[field])).length;
}

/**
 * Matches measures by content: a head measure whose title or text belongs to
 * a base measure with another id, and which is more like that measure than
 * like the base measure of its own id, is that measure renumbered. So a
 * changed id, a swap of the texts of 1.1.1 and 1.1.2, a swap of just their
 * ids, or two area files swapped are all found; a measure whose own text was
 * edited is not (it is still most like itself). Linear: base measures are
 * indexed by title and by text.
 */
export function findRenumberings(
  baseRefs: ReadonlyMap<string, MeasureRef>,
  headRefs: ReadonlyMap<string, MeasureRef>,
): Renumbering[] {
  const byTitle = index(baseRefs, (ref) => ref.measure.title);
  const byText = index(baseRefs, (ref) => ref.measure.text);
  const out: Renumbering[] = [];
  for (const [id, to] of headRefs) {
    const own = baseRefs.get(id);
    const ownLikeness = own ? likeness(to, own) : 0;
    if (ownLikeness === IDENTITY_FIELDS.length) continue;
    const candidates = new Set([...(byTitle.get(to.measure.title) ?? []), ...(byText.get(to.measure.text) ?? [])]);
    let best: { ref: MeasureRef; score: number } | undefined;
    for (const ref of candidates) {
      if (ref.measure.id === id) continue;
      const score = likeness(to, ref);
      if (score > ownLikeness && score >= 2 && (!best || score > best.score)) best = { ref, score };
    }
    if (best) out.push({ from: best.ref, to });
  }
  return out;
}

function index(refs: ReadonlyMap<string, MeasureRef>, keyOf: (ref: MeasureRef) => string): Map<string, MeasureRef[]> {
  const out = new Map<string, MeasureRef[]>();
  for (const ref of refs.values()) {
    const list = out.get(keyOf(ref));
    if (list) list.push(ref);
    else out.set(keyOf(ref), [ref]);
  }
  return out;
}

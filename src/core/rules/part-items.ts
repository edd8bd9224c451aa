/**
 * Unit views of measures: each item is one unit's part (its status, its state
 * on the day), carrying the whole measure's status and state beside it, so a
 * unit is judged on its own work and still sees who holds the measure back.
 */
import type { EvaluateOptions, MeasureState } from './evaluate.js';
import { evaluatePart, type EvaluateConfig } from './parts.js';
import type { MeasureItem } from './rollup.js';
import { approvedExtension } from './evaluate.js';
import type { Extension, Measure } from '../model/schema.js';
import type { Status } from './status.js';

/** A measure seen by one responsible unit: `status`/`state` are the unit's part, `whole` the measure. */
export interface PartItem extends MeasureItem {
  unit: string;
  /** False when the unit never reported on the measure. */
  reported: boolean;
  whole: { status: Status; state: MeasureState };
  /** The extension approved for this unit's part, if any. */
  extension?: Extension;
}

export function partItem(
  item: MeasureItem,
  measure: Measure,
  unit: string,
  asOf: string,
  config: EvaluateConfig,
  options: EvaluateOptions = {},
): PartItem {
  const part = item.parts.find((p) => p.unit === unit);
  const state = evaluatePart(measure, unit, asOf, config, options);
  const extension = approvedExtension((measure.extensions ?? []).filter((e) => e.requested_by === unit));
  const { caughtUp: _whole, ...measureItem } = item;
  const caughtUp = state.status === '已完成' && options.overdueBefore?.has(`${item.id}\0${unit}`);
  return {
    ...(extension ? { extension } : {}),
    ...measureItem,
    unit,
    reported: part?.reported ?? false,
    status: state.status,
    state,
    whole: { status: item.status, state: item.state },
    ...(caughtUp ? { caughtUp: true as const } : {}),
  };
}

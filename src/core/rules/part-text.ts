/**
 * Who holds a measure back, in words: `已完成 5/6，待 星瀚集团（从未报送）`.
 * Every measure view shows it, so the 木桶 rule never hides whose part is open.
 */
import type { Part } from './parts.js';

/** How many waiting units are named before “等 N 个单位”. */
const NAMED = 3;

/** A part's state in a few characters: its status, or 从未报送. */
export function partStateText(part: Part): string {
  return part.reported || part.status === '已完成' ? part.status : '从未报送';
}

/**
 * `已完成 k/n，待 A（推进中）、B（从未报送）`; '' when the measure has a single
 * part, when every part is done, or when no unit reported yet (the status then says it all).
 */
export function holdBackText(parts: readonly Part[]): string {
  if (parts.length < 2 || !parts.some((p) => p.reported)) return '';
  const open = parts.filter((p) => p.status !== '已完成');
  if (open.length === 0) return '';
  const named = open.slice(0, NAMED).map((p) => `${p.unit}（${partStateText(p)}）`);
  const more = open.length > NAMED ? ` 等 ${open.length} 个单位` : '';
  return `已完成 ${parts.length - open.length}/${parts.length}，待 ${named.join('、')}${more}`;
}

/** `待 星瀚集团` / `待 A、B 等 4 个单位`: the waiting units only, for a unit's view of the whole measure. */
export function waitingText(parts: readonly Part[]): string {
  const open = parts.filter((p) => p.status !== '已完成');
  if (open.length === 0) return '已完成';
  const more = open.length > NAMED ? ` 等 ${open.length} 个单位` : '';
  return `待 ${open
    .slice(0, NAMED)
    .map((p) => p.unit)
    .join('、')}${more}`;
}

/**
 * The units whose parts are still open, with their states: `星瀚集团（从未报送）、市公安局（推进中）`,
 * at most three named, then `等 N 个单位`. For the 通报's overdue list, where the reader must see who
 * is behind, not only the lead.
 */
export function pendingUnitsText(parts: readonly Part[]): string {
  const open = parts.filter((p) => p.status !== '已完成');
  const named = open.slice(0, NAMED).map((p) => `${p.unit}（${partStateText(p)}）`);
  return named.join('、') + (open.length > NAMED ? ` 等 ${open.length} 个单位` : '');
}

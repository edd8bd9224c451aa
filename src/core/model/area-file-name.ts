import type { Area } from './schema.js';

/** NN-标题.yaml: a listing of ledger/ reads as the table of contents. */
export function areaFileName(area: Pick<Area, 'area' | 'title'>): string {
  const title = area.title.replace(/[\\/:*?"<>|\s]/g, '');
  return `${String(area.area).padStart(2, '0')}-${title}.yaml`;
}

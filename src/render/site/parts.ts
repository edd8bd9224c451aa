import type { Measure } from '../../core/schema.js';
import type { SiteModel } from '../../core/site-model.js';
import { reportingUnits } from '../../core/units.js';
import { esc } from './html.js';
import { relativeHref, unitPage } from './paths.js';

/** A part (具体措施, 责任单位): the unit's latest merged report on the measure, if any. */
export interface Part {
  unit: string;
  month?: string;
  status: string;
  progress: string;
}

/** The parts of one measure: every unit that reports on it (groups as their members), in ledger order. */
export function measureParts(model: SiteModel, measure: Measure): Part[] {
  return reportingUnits(model.ledger.units, measure.units).map((unit) => {
    const report = measure.unit_reports?.[unit];
    return report
      ? { unit, month: report.month, status: report.status, progress: report.progress }
      : { unit, status: '未报送', progress: '' };
  });
}

/** Each unit's part in one table cell: “市税务局（2020-07，推进中）：文字”; the measure's own text when no unit reported. */
export function partsCell(model: SiteModel, from: string, measure: Measure): string {
  const parts = measureParts(model, measure).filter((p) => p.month !== undefined);
  if (parts.length === 0) return measure.progress ? `<div class="measure-text">${esc(measure.progress)}</div>` : '';
  return parts
    .map(
      (p) =>
        `<div class="part"><a href="${relativeHref(from, unitPage(p.unit))}">${esc(p.unit)}</a>（${esc(p.month)}，${esc(p.status)}）：<span class="measure-text">${esc(p.progress)}</span></div>`,
    )
    .join('');
}

import { measureParts, type Part } from '../../core/rules/parts.js';
import type { Measure } from '../../core/model/schema.js';
import type { SiteModel } from '../../core/summaries/site-model.js';
import { esc } from './html.js';
import { verificationState } from '../../core/rules/verification.js';
import { relativeHref, unitPage } from './paths.js';

/** The parts (具体措施, 责任单位) of one measure: every unit that reports on it, groups as their members (core/rules/parts.ts). */
export function partsOf(model: SiteModel, measure: Measure): Part[] {
  return measureParts(measure, model.ledger.units);
}

/**
 * Each unit's part in one table cell: “市税务局（2020-07，推进中）：文字”; the measure's own text when no unit reported.
 * With require_verification a part reported 已完成 and not verified reads 待核验.
 */
export function partsCell(model: SiteModel, from: string, measure: Measure): string {
  const parts = partsOf(model, measure).filter((p) => p.report !== undefined);
  const required = model.ledger.config.require_verification;
  const label = (p: Part) => (verificationState(p.report, required) === '待核验' ? '待核验' : p.status);
  if (parts.length === 0) return measure.progress ? `<div class="measure-text">${esc(measure.progress)}</div>` : '';
  return parts
    .map(
      (p) =>
        `<div class="part"><a href="${relativeHref(from, unitPage(p.unit))}">${esc(p.unit)}</a>（${esc(p.report!.month)}，${esc(label(p))}）：<span class="measure-text">${esc(p.report!.progress)}</span></div>`,
    )
    .join('');
}

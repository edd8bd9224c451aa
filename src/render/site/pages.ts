import type { SiteModel } from '../../core/summaries/site-model.js';
import { areaBody, areasIndexBody } from './area-pages.js';
import { pageHtml } from './layout.js';
import { overdueBody, reportingBody, searchBody } from './list-pages.js';
import { measureBody } from './measure-page.js';
import { overviewBody } from './overview-page.js';
import { areaPage, leadPage, measurePage, SITE_PAGES, unitPage } from './paths.js';
import { groupBody, leadBody, leadsIndexBody, unitBody, unitsIndexBody } from './unit-pages.js';

export interface SitePage {
  /** Site-relative path. */
  path: string;
  html: string;
}

/**
 * Every page of the site, one at a time, so that the writer holds one page in memory
 * (10,000 measures make 10,000 measure pages).
 */
export function* sitePages(model: SiteModel): Generator<SitePage> {
  const page = (
    path: string,
    title: string,
    body: string,
    extra: { landscape?: boolean; bodyClass?: string } = {},
  ) => ({
    path,
    html: pageHtml({ path, title, siteTitle: model.title, asOf: model.asOf, version: model.version, body, ...extra }),
  });
  yield page(SITE_PAGES.overview, '总览', overviewBody(model), { landscape: true, bodyClass: 'overview' });
  yield page(SITE_PAGES.overdue, '逾期清单', overdueBody(model), { landscape: true });
  yield page(SITE_PAGES.reporting, '报送情况', reportingBody(model));
  yield page(SITE_PAGES.search, '搜索', searchBody(model));
  yield page(SITE_PAGES.areas, '主要指标', areasIndexBody(model), { landscape: true });
  for (const row of model.byArea.rows)
    yield page(areaPage(row.area), row.title, areaBody(model, row.area), { landscape: true });
  yield page(SITE_PAGES.leads, '牵头单位', leadsIndexBody(model), { landscape: true });
  for (const row of model.byLead.rows)
    yield page(leadPage(row.lead), row.lead, leadBody(model, row.lead), { landscape: true });
  yield page(SITE_PAGES.units, '责任单位', unitsIndexBody(model), { landscape: true });
  for (const row of model.byUnit.rows)
    yield page(unitPage(row.unit), row.unit, unitBody(model, row.unit), { landscape: true });
  for (const [group, members] of groupsNamed(model)) {
    yield page(unitPage(group), group, groupBody(model, group, members), { landscape: true });
  }
  for (const [i, ref] of model.refs.entries()) {
    yield page(
      measurePage(ref.measure.id),
      `${ref.measure.id} ${ref.measure.title}`,
      measureBody(model, ref, model.items[i]!),
      {
        landscape: true,
      },
    );
  }
}

/** Unit groups (各县区) that some measure names, with their members. */
function groupsNamed(model: SiteModel): [string, readonly string[]][] {
  const named = new Set(model.items.flatMap((i) => i.units));
  return model.ledger.units.units.flatMap((u) => (u.members?.length && named.has(u.name) ? [[u.name, u.members]] : []));
}

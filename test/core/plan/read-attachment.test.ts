import { describe, expect, it } from 'vitest';
import { planToAreas } from '../../../src/core/plan/plan-to-areas.js';
import { readAttachment } from '../../../src/core/plan/read-attachment.js';
import { UnitsFileSchema } from '../../../src/core/model/schema.js';
import { buildUnitRegistry } from '../../../src/core/model/units.js';
import { parse } from 'yaml';
import { BUNDLED_UNITS } from '../../helpers/ledger-fixture.js';

const registry = buildUnitRegistry(UnitsFileSchema.parse(parse(BUNDLED_UNITS)));

function parseAttachment(text: string, file: string, units = registry) {
  return planToAreas(readAttachment(text, file), units, { file });
}

function attachment(body: string): string {
  return `正文……\n\n附件\n\n石嘴山市深化放管服改革优化营商环境工作台账\n\n主要指标\n\n目标任务\n\n备注\n\n${body}\n\n附件下载:\n`;
}

describe('readAttachment, then planToAreas', () => {
  it('reads areas, tasks and measures, skipping headings repeated at page breaks', () => {
    const text = attachment(`一、持续深化商事制度改革(市审批局牵头)

1.不断提升企业开办效率。深化一窗通。

1)优化企业开办线上服务。改造升级系统。(完成时限:2020年底前)

市审批局、公安局、人社局、税务局、人行

市中心支行,各县区

一、持续深化商事制度改革(市审批局牵头)

1.不断提升企业开办效率。深化一窗通。

2)优化企业开办线下服务。优化流程。(完成时限:20206月底前)

市审批局、公安局,

各县区`);
    const { areas, diagnostics } = parseAttachment(text, 'source.txt', registry);
    expect(diagnostics).toEqual([]);
    expect(areas).toHaveLength(1);
    expect(areas[0]!.tasks).toHaveLength(1);
    const [first, second] = areas[0]!.tasks[0]!.measures;
    expect(first).toMatchObject({
      id: '1.1.1',
      title: '优化企业开办线上服务',
      deadline: '2020年底前',
      units: ['市审批局', '市公安局', '市人社局', '市税务局', '人行市中心支行', '各县区'],
    });
    expect(second).toMatchObject({ id: '1.1.2', deadline: '2020年6月底前', units: ['市审批局', '市公安局', '各县区'] });
  });

  it('gives each task its own lead where leads lead separately, even with a lost separator', () => {
    const text = attachment(`十、深化公共资源交易体制改革(市公共资源交易中心、发改委财政局分别牵头)

1.优化平台。内容。

1)做好平台应用。内容。完成时限:2020年底前)

市公共资源交易中心、发改委、财政局

2.深化招投标领域改革。内容。

1)落实招标人首要责任。内容。完成时限:长期)

市发改委、住建局等相关

部门,各县区

3.创新政府采购监督和服务。内容。

1)降低采购交易成本。内容。完成时限:2020年底)

市财政局、公共资源

交易中心`);
    const { areas, diagnostics } = parseAttachment(text, 'source.txt', registry);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const area = areas[0]!;
    expect(area.lead).toEqual(['市公共资源交易中心', '市发改委', '市财政局']);
    expect(area.tasks.map((t) => t.lead)).toEqual(['市公共资源交易中心', '市发改委', '市财政局']);
    expect(area.tasks[1]!.measures[0]).toMatchObject({
      deadline: '长期',
      units: ['市发改委', '市住建局', '各县区'],
      related_units: true,
    });
    expect(area.tasks[2]!.measures[0]).toMatchObject({
      deadline: '2020年底前',
      units: ['市财政局', '市公共资源交易中心'],
    });
  });

  it('finds a lead glued to the title after a lost parenthesis, and a measure whose parenthesis was lost', () => {
    const text = attachment(`十三、建立公正规范的市场监管体系市市场监管局牵头

6.规范行业协会商会收费。内容。

1规范收费行为。督促行业协会商会。(完成时限:20206月底、10月底前)

市民政局、发改委、

市场监管局,各县区`);
    const { areas, diagnostics } = parseAttachment(text, 'source.txt', registry);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(areas[0]).toMatchObject({ area: 13, title: '建立公正规范的市场监管体系', lead: ['市市场监管局'] });
    expect(areas[0]!.tasks[0]!.measures[0]).toMatchObject({
      id: '13.6.1',
      title: '规范收费行为',
      deadline: '2020年6月底、10月底前',
      units: ['市民政局', '市发改委', '市市场监管局', '各县区'],
    });
  });

  it('reports an unknown unit with the line it stands on', () => {
    const text = attachment(`一、持续深化商事制度改革(市审批局牵头)

1.任务。内容。

1)措施。内容。(完成时限:2020年底前)

市审批局、火星办公室`);
    const { diagnostics } = parseAttachment(text, 'source.txt', registry);
    expect(diagnostics).toHaveLength(1);
    const line = text.split('\n').findIndex((l) => l.includes('火星办公室')) + 1;
    expect(diagnostics[0]).toMatchObject({ code: 'import/unknown-unit', file: 'source.txt', line });
    expect(diagnostics[0]!.message).toContain('火星办公室');
  });

  it('reads a deadline without its year in the year of the document number (文号)', () => {
    const text = `石政规发〔2020〕5号\n${attachment(`一、持续深化商事制度改革(市审批局牵头)

1.任务。内容。

1)措施。内容。(完成时限:6月底前)

市审批局`)}`;
    const { areas, diagnostics, year } = parseAttachment(text, 'source.txt');
    expect(diagnostics).toEqual([]);
    expect(year).toBe(2020);
    expect(areas[0]!.tasks[0]!.measures[0]!.deadline).toBe('2020年6月底前');
  });
});

import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { UnitsFileSchema } from '../../src/core/model/schema.js';
import {
  buildUnitRegistry,
  isResponsible,
  reportingUnits,
  resolveUnit,
  suggestUnits,
} from '../../src/core/model/units.js';
import { BUNDLED_UNITS } from '../helpers/ledger-fixture.js';

const registry = buildUnitRegistry(UnitsFileSchema.parse(parse(BUNDLED_UNITS)));

describe('units registry', () => {
  it('resolves canonical names, aliases and bare names that inherit 市', () => {
    expect(resolveUnit(registry, '市税务局')).toBe('市税务局');
    expect(resolveUnit(registry, '税务局')).toBe('市税务局');
    expect(resolveUnit(registry, '中级法院')).toBe('市中级人民法院');
    expect(resolveUnit(registry, '中级人民法院')).toBe('市中级人民法院');
    expect(resolveUnit(registry, '火星局')).toBeUndefined();
  });

  it('suggests near names for a typo', () => {
    expect(suggestUnits(registry, '市公按局')[0]).toBe('市公安局');
    expect(suggestUnits(registry, '税物局')).toContain('市税务局');
  });

  it('replaces a group by its members, who report separately', () => {
    expect(reportingUnits(registry, ['市审批局', '各县区'])).toEqual(['市审批局', '大武口区', '惠农区', '平罗县']);
    expect(reportingUnits(registry, ['各开发区'])).toEqual(['各开发区']);
    expect(isResponsible(registry, ['市审批局', '各县区'], '平罗县')).toBe(true);
    expect(isResponsible(registry, ['市审批局'], '平罗县')).toBe(false);
  });
});

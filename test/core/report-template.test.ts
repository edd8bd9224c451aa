import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/model/diagnostic.js';
import { checkReports } from '../../src/core/reports/report-checks.js';
import { reportPath } from '../../src/core/reports/report-path.js';
import { buildReportForm, measuresOfUnit } from '../../src/core/reports/report-template.js';
import { isGroup } from '../../src/core/model/units.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { parseReport } from '../../src/io/load-reports.js';
import { renderReportYaml } from '../../src/render/report-yaml.js';
import { planMerge } from '../../src/core/reports/merge-plan.js';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';

describe('report forms for the bundled ledger', () => {
  const { ledger } = loadLedger(REPO_ROOT);
  const units = ledger.units.units
    .map((u) => u.name)
    .filter((name) => !isGroup(ledger.units, name) && measuresOfUnit(ledger, name).length > 0);

  it('every reporting unit gets a form that is itself a valid report, and merging it untouched derives nothing new', () => {
    expect(units.length).toBeGreaterThan(30);
    const reports = units.map((unit) => {
      const file = reportPath('2020-07', unit)!;
      const diagnostics: Diagnostic[] = [];
      const report = parseReport(
        Buffer.from(renderReportYaml(buildReportForm(ledger, unit, '2020-07'))),
        file,
        diagnostics,
      );
      expect(diagnostics, unit).toEqual([]);
      return report!;
    });
    expect(checkReports(ledger, reports, { asOf: '2020-07-15' })).toEqual([]);
    const plan = planMerge(ledger, reports);
    expect(plan.diagnostics).toEqual([]);
    // Every unit reported 未启动 with no text: only unit_reports records change.
    expect(plan.measures.every((m) => m.fields.length === 0)).toBe(true);
    expect(plan.measures).toHaveLength(179);
  });
});

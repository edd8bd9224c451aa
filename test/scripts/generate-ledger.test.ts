import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { merge } from '../../src/commands/merge/run.js';
import { validate } from '../../src/commands/validate/run.js';
import { parseDeadline } from '../../src/core/model/deadline.js';
import { DEADLINE_FORMS, generateLedger, writeFiles } from '../../scripts/generate-ledger.mjs';
import { tempDir } from '../helpers/temp-dir.js';

describe('synthetic ledger generator (scripts/generate-ledger.mjs)', () => {
  it('writes a ledger of exactly N measures, with reports, that ledger validate accepts', async () => {
    const files = generateLedger({ measures: 400, seed: 3, month: '2020-07', reports: true });
    const root = tempDir({});
    writeFiles(root, files);
    const result = await validate({ root, asOf: '2020-12-31' });
    expect(result.diagnostics).toEqual([]);
    expect(result.summary.measures).toBe(400);
    const reports = Object.keys(files).filter((f) => f.startsWith('reports/2020-07/'));
    expect(reports.length).toBeGreaterThan(20);
    expect(reports).not.toContain('reports/2020-07/各县区.yaml');
  });

  it('writes reports that ledger merge accepts', async () => {
    const root = tempDir({});
    writeFiles(root, generateLedger({ measures: 150, seed: 2, month: '2020-07', reports: true }));
    const result = await merge({ root, paths: ['reports/2020-07/'], asOf: '2020-07-25', dryRun: true });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.reports.length).toBeGreaterThan(20);
  });

  it('spreads measures over the 14 areas, tasks and units like the bundled ledger', async () => {
    const files = generateLedger({ measures: 1000, seed: 1 });
    const areas = Object.entries(files)
      .filter(([f]) => /^ledger\/\d+-/.test(f))
      .map(([, text]) => parse(text));
    expect(areas).toHaveLength(14);
    const measures = areas.flatMap((a) =>
      a.tasks.flatMap((t: { measures: { deadline: string; units: string[] }[] }) => t.measures),
    );
    expect(measures).toHaveLength(1000);
    const forms = new Set(measures.map((m) => m.deadline));
    expect([...forms].sort()).toEqual(DEADLINE_FORMS.map(([form]) => form).sort());
    expect([...forms].every((form) => parseDeadline(form) !== undefined)).toBe(true);
    expect(new Set(measures.flatMap((m) => m.units)).size).toBeGreaterThan(30);
  });

  it('is deterministic for a seed and differs between seeds', async () => {
    expect(generateLedger({ measures: 200, seed: 5, reports: true })).toEqual(
      generateLedger({ measures: 200, seed: 5, reports: true }),
    );
    expect(generateLedger({ measures: 200, seed: 5 })).not.toEqual(generateLedger({ measures: 200, seed: 6 }));
  });

  it('beyond the document’s size, adds areas of about 100 measures', async () => {
    const files = generateLedger({ measures: 2500, seed: 1 });
    expect(Object.keys(files).filter((f) => /^ledger\/\d+-/.test(f))).toHaveLength(25);
  });
});

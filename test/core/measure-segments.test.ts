import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { segmentMeasures } from '../../src/core/measure-segments.js';
import { isEmptyFrame, measuresOfArea, segmentMeasure } from '../../src/core/measure-snapshot.js';
import { REPO_ROOT, SMALL_AREA, replaceOrThrow } from '../helpers/ledger-fixture.js';

function bySegments(text: string): Map<string, Record<string, unknown>> | undefined {
  const { frame, segments } = segmentMeasures(text);
  if (!isEmptyFrame(parse(frame))) return undefined;
  return new Map(segments.map((s) => [s.id, segmentMeasure(parse(s.text), s.id)!]));
}

describe('segmentMeasures', () => {
  const bundled = readdirSync(path.join(REPO_ROOT, 'ledger')).filter((name) => /^\d+-/.test(name));

  it.each([
    ['SMALL_AREA', SMALL_AREA],
    ...bundled.map((name) => [name, readFileSync(path.join(REPO_ROOT, 'ledger', name), 'utf8')]),
  ])('cuts %s into items that parse exactly like the whole file', (_name, text) => {
    const whole = new Map([...measuresOfArea(parse(text), 'f')].map(([id, v]) => [id, v.measure]));
    expect(whole.size).toBeGreaterThan(0);
    expect(bySegments(text)).toEqual(whole);
  });

  it('leaves an item it cannot cut cleanly in the frame, so the caller falls back', () => {
    const odd = replaceOrThrow(
      SMALL_AREA,
      '      - id: "1.1.2"\n        title: 优化企业开办线下服务',
      '      - title: 优化企业开办线下服务\n        id: "1.1.2"',
    );
    const { frame, segments } = segmentMeasures(odd);
    expect(segments.map((s) => s.id)).not.toContain('1.1.2');
    expect(isEmptyFrame(parse(frame))).toBe(false);
  });

  it('ends an item at a comment less indented than its dash', () => {
    const commented = replaceOrThrow(
      SMALL_AREA,
      '        deadline: 2020年底前\n',
      '# 注释\n        deadline: 2020年底前\n',
    );
    expect(isEmptyFrame(parse(segmentMeasures(commented).frame))).toBe(false);
  });
});

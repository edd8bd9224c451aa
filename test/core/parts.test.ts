import { describe, expect, it } from 'vitest';
import { findMeasure } from '../../src/core/model/ledger.js';
import { holdBackText, waitingText } from '../../src/core/rules/part-text.js';
import { evaluatePart, evaluateWhole, measureExtension, measureParts } from '../../src/core/rules/parts.js';
import { memoryLedger } from '../helpers/memory-ledger.js';
import { SIX_UNIT_AREA, SIX_UNIT_AREA_REPORTED } from '../helpers/six-unit-area.js';

const approved = (unit: string, until: string) =>
  `{ requested_by: ${unit}, requested_in: "2020-06", until: ${until}, reason: 理由, state: 已批准, decided_on: 2020-06-25, decided_by: 市住建局 }`;

function sixUnits(text = SIX_UNIT_AREA_REPORTED) {
  const ledger = memoryLedger([text]);
  return { ledger, measure: findMeasure(ledger, '3.2.1')!.measure };
}

describe('parts', () => {
  it('expands groups, takes each unit’s latest report, and marks the unit that never reported', () => {
    const { ledger, measure } = sixUnits();
    const parts = measureParts(measure, ledger.units);
    expect(parts.map((p) => [p.unit, p.status, p.reported])).toEqual([
      ['市住建局', '已完成', true],
      ['市审批局', '已完成', true],
      ['星瀚集团', '未启动', false],
      ['大武口区', '已完成', true],
      ['惠农区', '已完成', true],
      ['平罗县', '已完成', true],
    ]);
    expect(holdBackText(parts)).toBe('已完成 5/6，待 星瀚集团（从未报送）');
    expect(waitingText(parts)).toBe('待 星瀚集团');
  });

  it('a finished part is never overdue; the open part and the whole measure are', () => {
    const { ledger, measure } = sixUnits();
    const done = evaluatePart(measure, '平罗县', '2020-12-01', ledger.config);
    expect(done).toMatchObject({ phase: '已完成', overdue: false });
    const open = evaluatePart(measure, '星瀚集团', '2020-12-01', ledger.config);
    expect(open).toMatchObject({ overdue: true, escalated: true, daysOverdue: 154 });
    expect(evaluateWhole(measure, ledger.units, '2020-12-01', ledger.config).overdue).toBe(true);
  });

  it('an extension moves only its own unit’s part; the measure only when every open part has one', () => {
    const one = SIX_UNIT_AREA.replace(
      '        remark: ""\n',
      `        remark: ""\n        extensions:\n          - ${approved('平罗县', '2020-12-31')}\n`,
    );
    const { ledger, measure } = sixUnits(one);
    expect(evaluatePart(measure, '平罗县', '2020-09-01', ledger.config).overdue).toBe(false);
    expect(evaluatePart(measure, '惠农区', '2020-09-01', ledger.config).overdue).toBe(true);
    expect(measureExtension(measure, ledger.units)).toBeUndefined();
    expect(evaluateWhole(measure, ledger.units, '2020-09-01', ledger.config).overdue).toBe(true);

    const onlyOpen = SIX_UNIT_AREA_REPORTED.replace(
      '        unit_reports:\n',
      `        extensions:\n          - ${approved('星瀚集团', '2020-10-31')}\n        unit_reports:\n`,
    );
    const whole = sixUnits(onlyOpen);
    expect(measureExtension(whole.measure, whole.ledger.units)?.until).toBe('2020-10-31');
    expect(evaluateWhole(whole.measure, whole.ledger.units, '2020-09-01', whole.ledger.config)).toMatchObject({
      overdue: false,
      extended: true,
      effectiveDue: '2020-10-31',
    });
  });
});

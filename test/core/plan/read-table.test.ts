import { describe, expect, it } from 'vitest';
import type { GridCell, PlanGrid } from '../../../src/core/plan/plan-grid.js';
import { readTables } from '../../../src/core/plan/read-table.js';

/** A grid from rows of texts; `^` repeats the cell above (a vertical merge), `<` the cell to the left. */
function grid(rows: readonly (readonly string[])[]): PlanGrid {
  const out: GridCell[][] = [];
  rows.forEach((row, r) => {
    const cells: GridCell[] = [];
    row.forEach((text, c) => {
      if (text === '^') cells.push(out[r - 1]![c]!);
      else if (text === '<') cells.push(cells[c - 1]!);
      else cells.push({ text, origin: `${r}:${c}` });
    });
    out.push(cells);
  });
  return { rows: out, lines: out.map((_, r) => r + 1) };
}

describe('readTables', () => {
  it('two header rows, a title row, merged area and task cells, a measure over two rows, a note below', () => {
    const plan = readTables(
      {
        paragraphs: [],
        grids: [
          grid([
            ['某区2022年重点改革任务台账', '<', '<', '<', '<', '<'],
            ['主要指标', '目标任务', '工作措施', '责任单位', '<', '完成时间'],
            ['^', '^', '^', '牵头单位', '配合单位', '^'],
            [
              '一、优化营商环境（区发改局牵头）',
              '1.压缩审批时间。',
              '1)推行并联审批。',
              '区审批局',
              '区住建局',
              '6月底前',
            ],
            ['^', '^', '^', '区审批局', '区自然资源局', '^'],
            ['^', '2.提升服务。', '1)推行帮办代办。', '区审批局', '', '长期'],
            ['二、加强监管', '1.推行信用监管。', '1)建立信用档案。', '区市场监管局', '各镇', '年底前'],
            ['注：本表由区发改局负责解释。', '<', '<', '<', '<', '<'],
          ]),
        ],
      },
      'xlsx',
    );
    expect(plan).toMatchObject({
      format: 'xlsx',
      levels: 3,
      title: '某区2022年重点改革任务台账',
      skipped: ['注：本表由区发改局负责解释。'],
    });
    expect(plan.areas.map((a) => [a.heading, a.tasks.map((t) => [t.text, t.number, t.measures.length])])).toEqual([
      [
        '优化营商环境（区发改局牵头）',
        [
          ['压缩审批时间。', 1, 1],
          ['提升服务。', 2, 1],
        ],
      ],
      ['加强监管', [['推行信用监管。', 1, 1]]],
    ]);
    expect(plan.areas[0]!.tasks[0]!.measures[0]).toEqual({
      text: '推行并联审批。',
      deadline: '6月底前',
      leads: '区审批局、区审批局',
      units: '区住建局、区自然资源局',
      number: 1,
      at: { line: 4, col: 3 },
    });
  });

  it('a header repeated on a continued table and blank rows are skipped; full-width rows open sections', () => {
    const header = ['序号', '具体措施', '牵头单位', '完成时限'];
    const plan = readTables(
      {
        paragraphs: ['某县2021年工作任务分解表'],
        grids: [
          grid([header, ['一、审批改革', '<', '<', '<'], ['1', '推行容缺受理', '县审批局', '6月底']]),
          grid([
            header,
            ['', '', '', ''],
            ['2', '推行告知承诺', '县审批局', '9月底'],
            ['二、监管改革', '<', '<', '<'],
            ['3', '推行信用监管', '县市场监管局', '年底前'],
          ]),
        ],
      },
      'docx',
    );
    expect(plan.levels).toBe(2);
    expect(plan.title).toBe('某县2021年工作任务分解表');
    expect(plan.areas.map((a) => [a.heading, a.tasks[0]!.measures.map((m) => [m.text, m.leads, m.deadline])])).toEqual([
      [
        '审批改革',
        [
          ['推行容缺受理', '县审批局', '6月底'],
          ['推行告知承诺', '县审批局', '9月底'],
        ],
      ],
      ['监管改革', [['推行信用监管', '县市场监管局', '年底前']]],
    ]);
  });

  it('a document without such a table is read as numbered text from its paragraphs', () => {
    const plan = readTables(
      {
        paragraphs: ['某区2021年工作要点', '一、审批改革', '1.推行容缺受理，6月底完成。（牵头单位：区审批局）'],
        grids: [],
      },
      'docx',
    );
    expect(plan).toMatchObject({ format: 'docx', levels: 2, title: '某区2021年工作要点' });
    expect(plan.areas[0]!.tasks[0]!.measures[0]).toMatchObject({
      text: '推行容缺受理，6月底完成。',
      leads: '区审批局',
    });
  });

  it('工作完成情况 and 备注 columns fill progress and remark; a sheet without a header is not read', () => {
    const plan = readTables(
      {
        paragraphs: [],
        grids: [
          grid([
            ['重点任务', '具体措施', '责任单位', '完成时限', '工作完成情况', '备注'],
            ['一、审批改革', '推行容缺受理', '县审批局', '2021年底前', '已制定方案', '省级试点'],
          ]),
          grid([
            ['填表说明', '', '', '', '', ''],
            ['1', '按月填写', '', '', '', ''],
          ]),
        ],
      },
      'xlsx',
    );
    expect(plan.areas.flatMap((a) => a.tasks.flatMap((t) => t.measures))).toEqual([
      {
        text: '推行容缺受理',
        units: '县审批局',
        deadline: '2021年底前',
        progress: '已制定方案',
        remark: '省级试点',
        at: { line: 2, col: 2 },
      },
    ]);
  });

  it('section rows above a 重点任务 column: sections are areas, 重点任务 tasks; a blank level cell continues', () => {
    const plan = readTables(
      {
        paragraphs: [],
        grids: [
          grid([
            ['序号', '重点任务', '具体措施', '牵头单位', '完成时限'],
            ['一、深化商事制度改革', '<', '<', '<', '<'],
            ['1', '1.压缩开办时间', '推行全程网办', '区审批局', '6月底'],
            ['2', '', '推行电子印章', '区审批局', '9月底'],
            ['3', '2.推进证照分离', '推行告知承诺', '区审批局', '年底前'],
            ['二、优化纳税服务', '<', '<', '<', '<'],
            ['4', '1.压减纳税时间', '推广电子发票', '区税务局', '长期'],
          ]),
        ],
      },
      'xlsx',
    );
    expect(plan.levels).toBe(3);
    expect(plan.areas.map((a) => [a.heading, a.tasks.map((t) => [t.text, t.measures.map((m) => m.text)])])).toEqual([
      [
        '深化商事制度改革',
        [
          ['压缩开办时间', ['推行全程网办', '推行电子印章']],
          ['推进证照分离', ['推行告知承诺']],
        ],
      ],
      ['优化纳税服务', [['压减纳税时间', ['推广电子发票']]]],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { history } from '../../src/commands/history/run.js';
import { log } from '../../src/commands/log/run.js';
import { UsageError } from '../../src/errors.js';
import { tempGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';
const WANG = { name: '王芳', email: 'wang@example.com' };
const LI = { name: '李明', email: 'li@example.com' };
const ZHANG = { name: '张伟', email: 'zhang@example.com' };

/** Replaces the first `from` after the line of measure `id`. */
function editMeasure(text: string, id: string, from: string, to: string): string {
  const at = text.indexOf(`id: "${id}"`);
  const hit = text.indexOf(from, at);
  if (at < 0 || hit < 0) throw new Error(`fixture edit failed: ${id} ${from}`);
  return text.slice(0, hit) + to + text.slice(hit + from.length);
}

/** Import, a July merge, a rename with git mv, an August merge, a deadline fix. */
function auditedRepo(): GitRepo {
  const repo = tempGitRepo();
  repo.commit(
    '导入台账',
    { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA },
    { date: '2020-06-01T09:00:00+08:00', author: WANG },
  );
  let area = editMeasure(SMALL_AREA, '1.1.2', 'status: 未启动', 'status: 推进中');
  area = editMeasure(area, '1.1.2', 'progress: ""', 'progress: 线下一窗一表单已试行');
  area = editMeasure(area, '1.2.2', 'status: 未启动', 'status: 推进中');
  repo.commit('合并 2020-07 报送', { [AREA]: area }, { date: '2020-07-25T10:00:00+08:00', author: LI });
  repo.git('mv', AREA, 'ledger/01-商事制度改革.yaml');
  repo.commit('主要指标文件改名', {}, { date: '2020-08-01T10:00:00+08:00', author: WANG });
  area = editMeasure(area, '1.1.2', 'status: 推进中', 'status: 已完成');
  area = editMeasure(area, '1.1.2', 'remark: ""', 'remark: 提前完成');
  repo.commit(
    '合并 2020-08 报送',
    { 'ledger/01-商事制度改革.yaml': area },
    { date: '2020-08-25T16:00:00+08:00', author: ZHANG },
  );
  area = editMeasure(area, '1.2.3', 'deadline: 适时', 'deadline: 2020年底前');
  repo.commit(
    '修正完成时限',
    { 'ledger/01-商事制度改革.yaml': area },
    { date: '2020-09-02T10:00:00+08:00', author: WANG },
  );
  return repo;
}

describe('ledger history', () => {
  it('lists every commit that changed a measure, oldest first, with field-level changes, across a git mv', async () => {
    const repo = auditedRepo();
    const result = await history({ root: repo.dir, id: '1.1.2' });
    expect(result.title).toBe('优化企业开办线下服务');
    expect(result.file).toBe('ledger/01-商事制度改革.yaml');
    expect(result.entries.map((e) => [e.kind, e.commit.author, e.commit.date.slice(0, 10), e.commit.subject])).toEqual([
      ['created', '王芳', '2020-06-01', '导入台账'],
      ['changed', '李明', '2020-07-25', '合并 2020-07 报送'],
      ['moved', '王芳', '2020-08-01', '主要指标文件改名'],
      ['changed', '张伟', '2020-08-25', '合并 2020-08 报送'],
    ]);
    expect(result.entries[1]!.changes).toEqual([
      { path: ['status'], before: '未启动', after: '推进中' },
      { path: ['progress'], before: '', after: '线下一窗一表单已试行' },
    ]);
    expect(result.entries[2]!.previousFile).toBe(AREA);
    expect(result.entries[3]!.changes).toEqual([
      { path: ['status'], before: '推进中', after: '已完成' },
      { path: ['remark'], before: '', after: '提前完成' },
    ]);
  });

  it('shows a definition change and nothing for commits that left the measure alone', async () => {
    const result = await history({ root: auditedRepo().dir, id: '1.2.3' });
    expect(result.entries.map((e) => e.kind)).toEqual(['created', 'moved', 'changed']);
    expect(result.entries[2]!.changes).toEqual([{ path: ['deadline'], before: '适时', after: '2020年底前' }]);
  });

  it('reaches into unit reports and walks through a version that was not valid YAML', async () => {
    const repo = tempGitRepo();
    repo.commit(
      '导入',
      { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA },
      { date: '2020-06-01T09:00:00+08:00' },
    );
    repo.commit('写坏了', { [AREA]: `${SMALL_AREA}\n  bad: [unclosed\n` }, { date: '2020-06-02T09:00:00+08:00' });
    const reported = editMeasure(
      SMALL_AREA,
      '1.2.2',
      'remark: ""',
      'remark: ""\n        unit_reports:\n          市中级人民法院: {month: 2020-06, status: 推进中, progress: 已建立机制}',
    );
    repo.commit('修好并合并', { [AREA]: reported }, { date: '2020-06-03T09:00:00+08:00', author: LI });
    const result = await history({ root: repo.dir, id: '1.2.2' });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('不是有效的 YAML');
    expect(result.entries.map((e) => e.kind)).toEqual(['created', 'changed']);
    expect(result.entries[1]!.changes).toEqual([
      { path: ['unit_reports', '市中级人民法院', 'month'], before: undefined, after: '2020-06' },
      { path: ['unit_reports', '市中级人民法院', 'status'], before: undefined, after: '推进中' },
      { path: ['unit_reports', '市中级人民法院', 'progress'], before: undefined, after: '已建立机制' },
    ]);
  });

  it('refuses an id that is malformed or has no history', async () => {
    const repo = auditedRepo();
    await expect(history({ root: repo.dir, id: '1.1' })).rejects.toBeInstanceOf(UsageError);
    await expect(history({ root: repo.dir, id: '9.9.9' })).rejects.toThrow(/Git 历史中没有具体措施 9\.9\.9/);
  });
});

describe('ledger log', () => {
  it('lists status changes newest first with who and which commit', async () => {
    const result = await log({ root: auditedRepo().dir });
    expect(result.changes.map((c) => [c.day, c.id, c.from, c.to, c.commit.author])).toEqual([
      ['2020-08-25', '1.1.2', '推进中', '已完成', '张伟'],
      ['2020-07-25', '1.1.2', '未启动', '推进中', '李明'],
      ['2020-07-25', '1.2.2', '未启动', '推进中', '李明'],
    ]);
  });

  it('filters by date range, unit (through aliases) and area', async () => {
    const root = auditedRepo().dir;
    const august = await log({ root, since: '2020-08-01', until: '2020-08-31' });
    expect(august.changes.map((c) => c.id)).toEqual(['1.1.2']);
    const court = await log({ root, unit: '中级法院' });
    expect(court.unit).toBe('市中级人民法院');
    expect(court.changes.map((c) => c.id)).toEqual(['1.2.2']);
    expect((await log({ root, area: 2 })).changes).toEqual([]);
    await expect(log({ root, unit: '市公按局' })).rejects.toMatchObject({ hint: expect.stringContaining('市公安局') });
  });
});

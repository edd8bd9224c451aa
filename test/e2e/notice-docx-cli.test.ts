import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { AREA_FILE } from '../helpers/report-fixture.js';

describe('ledger notice --format docx', () => {
  it('writes one A4 Word 督办单 per unit and level, with its number, addressee and parts', async () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    repo.commit('台账', {}, { date: '2020-06-01T09:00:00+08:00' });
    const run = runCli(['notice', '--as-of', '2020-07-25', '--format', 'docx', '--out', 'out'], repo.dir);
    expect(run.code).toBe(0);
    const files = readdirSync(path.join(repo.dir, 'out')).sort();
    const police = files.find((f) => f.endsWith('-市公安局.docx'));
    expect(police).toMatch(/^督办〔2020〕\d+号-市公安局\.docx$/);
    expect(files.length).toBe(run.stdout.match(/^督办〔2020〕/gm)!.length);
    const zip = await JSZip.loadAsync(readFileSync(path.join(repo.dir, 'out', police!)));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('黄色督办（逾期催办）单');
    expect(text).toContain(police!.replace(/-市公安局\.docx$/, ''));
    expect(text).toContain('市公安局：');
    expect(text).toContain('1.1.2');
    expect(text).toContain('逾期 25 天');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // Listing without --issue writes nothing into the ledger.
    expect(repo.git('status', '--porcelain', 'ledger')).toBe('');
  }, 120_000);
});

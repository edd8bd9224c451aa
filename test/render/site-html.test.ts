import { describe, expect, it } from 'vitest';
import { esc, evidenceLink, isRepositoryPath } from '../../src/render/site/html.js';
import { safeFileName } from '../../src/core/model/safe-names.js';
import { relativeHref, unitPage } from '../../src/render/site/paths.js';

describe('site HTML helpers', () => {
  it('escapes text for content and attributes', () => {
    expect(esc(`<script>alert("x")</script>&'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
  });

  it('links evidence only to http(s) URLs and, with a repository URL, to repository paths', () => {
    expect(evidenceLink('https://example.gov.cn/a.pdf')).toBe(
      '<a href="https://example.gov.cn/a.pdf" rel="noopener noreferrer">https://example.gov.cn/a.pdf</a>',
    );
    expect(evidenceLink('javascript:alert(1)')).toBe('<span class="unlinked">javascript:alert(1)</span>');
    expect(evidenceLink('data:text/html,<b>x</b>')).not.toContain('href');
    expect(evidenceLink('https://a.cn/"onmouseover="x')).not.toContain('href');
    expect(evidenceLink('reports/2020-07/证明 1.pdf')).toBe('<code>reports/2020-07/证明 1.pdf</code>');
    expect(evidenceLink('reports/2020-07/证明 1.pdf', 'https://git.example.cn/台账/blob/main/')).toContain(
      'href="https://git.example.cn/台账/blob/main/reports/2020-07/%E8%AF%81%E6%98%8E%201.pdf"',
    );
    expect(evidenceLink('../secret.txt', 'https://git.example.cn/x')).not.toContain('href');
  });

  it('tells repository paths from other text', () => {
    expect(isRepositoryPath('reports/2020-07/a.pdf')).toBe(true);
    for (const bad of ['/etc/passwd', '../a', 'a/../b', 'C:\\x', 'file:///a', 'a//b', '']) {
      expect(isRepositoryPath(bad), bad).toBe(false);
    }
  });

  it('makes page names that cannot leave their folder, and relative links', () => {
    expect(safeFileName('市税务局')).toBe('市税务局');
    expect(safeFileName('督办〔2020〕3号-市公安局')).toBe('督办〔2020〕3号-市公安局');
    for (const bad of ['../../etc/passwd', 'a/b\\c', '.hidden', 'index', 'INDEX', '', 'a\u0000b']) {
      const name = safeFileName(bad);
      expect(name, bad).toMatch(/^[^./\\][^/\\\u0000]*~[0-9a-f]{8}$/);
    }
    // Names that clean to the same text stay apart; a unit called index never replaces the list page.
    expect(safeFileName('市X/Y')).not.toBe(safeFileName('市X_Y'));
    expect(unitPage('index')).not.toBe('units/index.html');
    expect(relativeHref('measures/1.1.2.html', 'units/市税务局.html')).toBe(
      '../units/%E5%B8%82%E7%A8%8E%E5%8A%A1%E5%B1%80.html',
    );
    expect(relativeHref('index.html', 'search.html')).toBe('search.html');
  });
});

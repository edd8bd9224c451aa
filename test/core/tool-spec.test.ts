import { describe, expect, it } from 'vitest';
import { defaultToolSpec, parseToolSpec } from '../../src/core/model/tool-spec.js';

const own = { name: 'szs-ledger', version: '0.3.1' };

describe('ledger init --tool', () => {
  it('defaults to the published package at a compatible version', () => {
    expect(defaultToolSpec(own)).toEqual({ kind: 'registry', dependency: '^0.3.1' });
  });

  it.each([
    ['^0.3.0', 'registry', '^0.3.0'],
    ['0.3.1', 'registry', '0.3.1'],
    ['szs-ledger@~0.3.0', 'registry', '~0.3.0'],
    ['@city/ledger@0.3.1', 'alias', 'npm:@city/ledger@0.3.1'],
    ['city-ledger', 'alias', 'npm:city-ledger@*'],
    ['npm:@city/ledger@^0.3.0', 'alias', 'npm:@city/ledger@^0.3.0'],
    [
      'git+https://git.example.gov.cn/tools/ledger.git#v0.3.1',
      'remote',
      'git+https://git.example.gov.cn/tools/ledger.git#v0.3.1',
    ],
    ['https://npm.example.gov.cn/szs-ledger-0.3.1.tgz', 'remote', 'https://npm.example.gov.cn/szs-ledger-0.3.1.tgz'],
  ])('%s → %s %s', (spec, kind, dependency) => {
    expect(parseToolSpec(spec, own)).toEqual({ kind, dependency });
  });

  it('copies a local tarball into tools/ and points at it relatively', () => {
    expect(parseToolSpec('/home/me/szs-ledger-0.3.1.tgz', own)).toEqual({
      kind: 'tarball',
      path: '/home/me/szs-ledger-0.3.1.tgz',
      target: 'tools/szs-ledger-0.3.1.tgz',
      dependency: 'file:tools/szs-ledger-0.3.1.tgz',
    });
  });

  it.each(['/opt/ledger', 'file:/opt/ledger', '../ledger', './ledger', 'C:\\tools\\ledger'])(
    'refuses the folder %s of this machine',
    (spec) => {
      expect(parseToolSpec(spec, own).kind).toBe('folder');
    },
  );
});

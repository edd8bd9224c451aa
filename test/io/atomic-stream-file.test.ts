import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileThrough } from '../../src/io/atomic-stream-file.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('writeFileThrough', () => {
  it('replaces the file only when the writer finishes', async () => {
    const dir = tempDir({ '台账.xlsx': 'old' });
    const file = path.join(dir, '台账.xlsx');
    await expect(
      writeFileThrough(file, async (temporary) => {
        writeFileSync(temporary, 'half');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['台账.xlsx']);
    await writeFileThrough(file, async (temporary) => writeFileSync(temporary, 'new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['台账.xlsx']);
  });

  it('turns a file-system error into a usage error naming the file', async () => {
    const dir = tempDir({ 'a-file': 'x' });
    const file = path.join(dir, 'a-file', '台账.xlsx');
    await expect(writeFileThrough(file, async (temporary) => writeFileSync(temporary, 'x'))).rejects.toMatchObject({
      name: 'UsageError',
    });
  });
});

describe('writeFileThrough on special files', () => {
  it('writes a device directly and refuses a directory', async () => {
    let target = '';
    await writeFileThrough('/dev/null', async (file) => {
      target = file;
      writeFileSync(file, 'x');
    });
    expect(target).toBe('/dev/null');
    await expect(writeFileThrough(tempDir(), async () => undefined)).rejects.toThrow('是目录');
  });
});

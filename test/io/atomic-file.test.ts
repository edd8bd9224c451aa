import { chmodSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  replaceFile,
  writeFileAtomically,
  writeFilesAtomically,
  writeStreamAtomically,
} from '../../src/io/atomic-file.js';
import { tempDir } from '../helpers/temp-dir.js';

const endWith = (text: string) => async (stream: Writable) => {
  stream.end(text);
};

describe('the one atomic writer', () => {
  it('replaces a file, keeping its mode and leaving no temporary', () => {
    const dir = tempDir({ CODEOWNERS: 'old' });
    const file = path.join(dir, 'CODEOWNERS');
    chmodSync(file, 0o640);
    writeFileAtomically(file, '新内容');
    expect(readFileSync(file, 'utf8')).toBe('新内容');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['CODEOWNERS']);
  });

  it('writes a new file in a new folder', () => {
    const dir = tempDir();
    const file = path.join(dir, 'schemas', 'area.json');
    writeFilesAtomically([{ path: file, content: new Uint8Array([123, 125]) }]);
    expect(readFileSync(file, 'utf8')).toBe('{}');
  });

  it('streams into a temporary and renames it only when the renderer finished', async () => {
    const dir = tempDir({ '台账.xlsx': 'old' });
    const file = path.join(dir, '台账.xlsx');
    chmodSync(file, 0o600);
    const failing = async (stream: Writable) => {
      stream.write('half');
      throw new Error('boom');
    };
    await expect(writeStreamAtomically(file, failing)).rejects.toThrow('boom');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['台账.xlsx']);
    await writeStreamAtomically(file, endWith('new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['台账.xlsx']);
  });

  it('turns a file-system error into a usage error naming the file, never the temporary', async () => {
    const dir = tempDir({ 'a-file': 'x' });
    const file = path.join(dir, 'a-file', '台账.xlsx');
    await expect(writeStreamAtomically(file, endWith('x'))).rejects.toMatchObject({
      name: 'UsageError',
      message: expect.stringMatching(new RegExp(`：${file}；未写入任何文件$`)),
    });
    expect(() => writeFileAtomically(file, 'x')).toThrow(`：${file}；未写入任何文件`);
  });

  it('writes a device directly and refuses a folder', async () => {
    writeFileAtomically('/dev/null', 'x');
    await writeStreamAtomically('/dev/null', endWith('x'));
    await expect(writeStreamAtomically(tempDir(), endWith('x'))).rejects.toThrow('是一个目录');
  });

  it('replaceFile (the tool’s own files) replaces a link instead of writing through it', () => {
    const dir = tempDir({ 'target.txt': 'keep' });
    const link = path.join(dir, 'cache.json');
    symlinkSync(path.join(dir, 'target.txt'), link);
    replaceFile(link, '{}');
    expect(readFileSync(path.join(dir, 'target.txt'), 'utf8')).toBe('keep');
    expect(readFileSync(link, 'utf8')).toBe('{}');
    expect(() => readlinkSync(link)).toThrow();
  });
});

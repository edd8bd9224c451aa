import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/index.js';
import { renderCommandReference } from '../../src/cli/command-reference.js';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';

describe('docs/reference/commands.md', () => {
  it('is what the command definitions say (npm run docs:commands)', async () => {
    const commands = await Promise.all(COMMANDS.map(async (c) => ({ name: c.name, spec: await c.load() })));
    const expected = renderCommandReference(commands);
    const committed = readFileSync(path.join(REPO_ROOT, 'docs/reference/commands.md'), 'utf8');
    expect(committed, 'docs/reference/commands.md is out of date: run npm run docs:commands').toBe(expected);
    expect(committed).toContain('## `ledger receive`');
  });
});

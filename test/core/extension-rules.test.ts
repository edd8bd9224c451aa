import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERVISORS, extensionDeciders } from '../../src/core/rules/extension-rules.js';

describe('extensionDeciders', () => {
  it('lets the lead decide another unit’s request', () => {
    expect(extensionDeciders('平罗县', ['市住建局'])).toEqual(['市住建局']);
  });

  it('sends the lead’s own request to the supervisors, never back to the lead', () => {
    expect(extensionDeciders('市住建局', ['市住建局'])).toEqual([...DEFAULT_SUPERVISORS]);
    expect(extensionDeciders('市住建局', ['市住建局'], ['市政府督查室'])).toEqual(['市政府督查室']);
  });

  it('never lists the requester, even when it is also a supervisor', () => {
    expect(extensionDeciders('市审批局', ['市审批局'])).toEqual(['市发改委']);
    expect(extensionDeciders('市审批局', ['市审批局', '市公安局'])).toEqual(['市发改委']);
  });
});

import { describe, expect, it } from 'vitest';
import { database } from '../../src/core/database.ts';
import { preferredToolOf } from '../../src/core/guidance/preferred-tool.ts';
import { policyStateOf } from '../../src/core/policy-state.ts';

describe('my preferred AI tool (user setting)', () => {
  it('takes a one-line name and an https address, or null for none', () => {
    expect(preferredToolOf({ name: ' Le Chat ', url: 'https://chat.mistral.ai' })).toEqual({ ok: { name: 'Le Chat', url: 'https://chat.mistral.ai/' } });
    expect(preferredToolOf(null)).toEqual({ ok: null });
  });
  it('refuses other addresses, long or multi-line names, and unknown fields', () => {
    for (const bad of [
      { name: 'X', url: 'http://chat.example/' },
      { name: 'X', url: 'javascript:alert(1)' },
      { name: 'X', url: 'https://user:pw@chat.example/' },
      { name: 'X\nY', url: 'https://chat.example/' },
      { name: 'x'.repeat(61), url: 'https://chat.example/' },
      { name: '', url: 'https://chat.example/' },
      { name: 'X', url: 'https://chat.example/', icon: 'x' },
      'https://chat.example/',
      ['X'],
    ])
      expect(preferredToolOf(bad), JSON.stringify(bad)).toHaveProperty('problem');
  });
  it('is the user’s unless the policy locks it; a policy value is the default', () => {
    const mine = { name: 'Le Chat', url: 'https://chat.mistral.ai/' };
    const org = { name: 'Contoso Copilot', url: 'https://copilot.contoso.example/' };
    expect(policyStateOf(database, { preferredTool: mine }, {}).settings.preferredTool).toEqual(mine);
    expect(policyStateOf(database, {}, { preferredTool: org }).settings.preferredTool).toEqual(org);
    expect(policyStateOf(database, { preferredTool: mine }, { preferredTool: org, lockedSettings: ['preferredTool'] }).settings.preferredTool).toEqual(org);
    expect(policyStateOf(database, { preferredTool: { name: 'X', url: 'http://x/' } }, {}).userProblems).toEqual([{ key: 'preferredTool', reason: 'url must be an https address' }]);
  });
});

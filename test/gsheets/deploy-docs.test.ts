// The deploy guide builds what Google publishes: a standalone project (issue 10.6), a test deployment that
// exercises AuthMode.NONE, and a Marketplace scope list equal to the manifest's. Nothing here reaches Google;
// these pin the written steps against the files they describe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../browser/helpers';

const guide = readFileSync(join(ROOT, 'docs/deploy-sheets.md'), 'utf8');
const script = readFileSync(join(ROOT, 'scripts/deploy-sheets.mjs'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(ROOT, 'gsheets-addon/appsscript.json'), 'utf8')) as { oauthScopes: string[] };

describe('docs/deploy-sheets.md and scripts/deploy-sheets.mjs', () => {
  it('create a standalone project, never a container-bound one ("An Editor add-on is a standalone Apps Script project")', () => {
    for (const text of [guide, script, readme]) {
      expect(text).toContain('clasp create --type standalone');
      expect(text).not.toMatch(/--type sheets|Extensions → Apps Script\*\*; in the editor/);
    }
  });

  it('test with "Installed for current user", so a document where the add-on was not used (AuthMode.NONE) is tried', () => {
    expect(guide).toContain('**Installed for current user**');
    expect(guide).toMatch(/Before using the add-on[^\n]*AGILE_/);
  });

  it('list exactly the manifest\'s scopes for the Marketplace SDK, and the OAuth consent screen', () => {
    const block = /OAuth scopes\*\*, which must be exactly[\s\S]*?```\n([^`]*)```/.exec(guide);
    expect(block, 'the scope block of the Marketplace step').not.toBeNull();
    expect(block![1]!.trim().split('\n').map((l) => l.trim()).sort()).toEqual([...manifest.oauthScopes].sort());
    expect(guide).toMatch(/OAuth consent screen/);
  });
});

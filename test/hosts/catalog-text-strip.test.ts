// The sidebar bundle carries the catalog's implementations without its reference text; the stripped source
// must still compute exactly what the catalog computes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../core/catalog';
import { RICE } from '../../core/scoring/rice';
import { stripCatalogText } from '../../scripts/lib/catalog-text-strip.mjs';

const ROOT = join(import.meta.dirname, '../..');

describe('the catalog text left out of the sidebar', () => {
  const source = readFileSync(join(ROOT, 'core/scoring/rice.ts'), 'utf8');
  const stripped = stripCatalogText(source, 'rice.ts');

  it('blanks the summary, every parameter help, returns and example, and keeps names, shapes and the implementation', () => {
    expect(stripped).not.toContain(RICE.summary);
    for (const p of RICE.params) {
      expect(stripped).not.toContain(p.help);
      expect(stripped).toContain(`name: '${p.name}'`);
    }
    expect(stripped).not.toContain(RICE.example);
    expect(stripped).toContain('impl:');
    // The confidence hint is part of the implementation's error message, not reference text: it stays.
    expect(stripped).toContain('so type ${x}%');
  });

  it('leaves the built sidebar without any function notes', () => {
    const js = readFileSync(join(ROOT, 'dist/sidebar/sidebar.js'), 'utf8');
    const notes = CATALOG.flatMap((s) => s.notes ?? []).filter((n) => n.length > 40);
    expect(notes.length).toBeGreaterThan(10);
    for (const n of notes) expect(js, n).not.toContain(n.slice(0, 40));
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARD_KINDS, LINK_KINDS, MIGRATIONS, SCHEMA_VERSION } from '../../../shared/model/index.ts';
import { ATTENDANCE_KEY, CARDS_KEY, K, LINKS_KEY, META_KEY, VALIDATION_KEY } from '../../../shared/model/layout.ts';
import { cardSection, endsTable, linkSection, scaleTable } from './docTables.ts';

const DOC = readFileSync(new URL('../../../docs/document-model.md', import.meta.url), 'utf8');
const HINT = 'docs/document-model.md is stale: reprint the tables with npx tsx tests/shared/model/docTables.ts';

describe('docs/document-model.md', () => {
  it.each(CARD_KINDS)('holds the current field table of the %s card', (kind) => {
    expect(DOC, HINT).toContain(cardSection(kind));
  });

  it.each(LINK_KINDS)('holds the current field table of the %s link', (kind) => {
    expect(DOC, HINT).toContain(linkSection(kind));
  });

  it('holds the current link end rules and interaction scale', () => {
    expect(DOC, HINT).toContain(endsTable());
    expect(DOC, HINT).toContain(scaleTable());
  });

  it('names every top-level key and every item key', () => {
    for (const key of [META_KEY, CARDS_KEY, LINKS_KEY, ATTENDANCE_KEY, VALIDATION_KEY, ...Object.values(K)]) {
      expect(DOC).toContain(`\`${key}\``);
    }
  });

  it('states the current schema version', () => {
    expect(DOC).toContain(`(${SCHEMA_VERSION} today${MIGRATIONS.length === 0 ? ', with no migrations yet' : ''})`);
  });
});

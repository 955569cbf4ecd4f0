// Generates the field tables of docs/document-model.md from the field specs. The document holds
// the tables as plain Markdown; documentModelDoc.test.ts fails when they drift from the specs.
// To print them: npx tsx tests/shared/model/docTables.ts
import {
  CARD_FIELDS,
  CARD_SIZES,
  type CardKind,
  defaultValue,
  type FieldSpec,
  type FieldSpecs,
  formatScore,
  INTERACTION_SCALE,
  LINK_ENDS,
  LINK_FIELDS,
  type LinkKind,
} from '../../../shared/model/index.ts';

function storedAs(spec: FieldSpec): string {
  switch (spec.type) {
    case 'text':
      return 'Y.Text';
    case 'list':
      return 'Y.Array of Y.Map';
    case 'string':
      return 'string';
    case 'date':
      return "string `YYYY-MM-DD` or `''`";
    case 'number':
      return spec.min === undefined ? 'number' : `number ≥ ${spec.min}`;
    case 'boolean':
      return 'boolean';
    case 'enum':
      return typeof spec.values[0] === 'number' ? 'number (one of)' : 'string (one of)';
  }
}

function code(value: unknown): string {
  return value === '' ? "`''`" : `\`${String(value)}\``;
}

function valuesOf(spec: FieldSpec): string {
  if (spec.type === 'list') return 'entries below';
  if (spec.type !== 'enum') return '';
  return spec.values
    .map((v) => {
      const label = spec.labels?.[String(v)];
      return label ? `${code(v)} (${label})` : code(v);
    })
    .join(', ');
}

function defaultOf(spec: FieldSpec): string {
  const value = defaultValue(spec);
  return Array.isArray(value) ? '`[]`' : code(value);
}

/** One table of fields, followed by a table for the entries of each list field. */
export function fieldTable(specs: FieldSpecs): string {
  const rows = ['| key | label | stored as | values | default |', '| --- | --- | --- | --- | --- |'];
  const lists: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    rows.push(`| \`${name}\` | ${spec.label} | ${storedAs(spec)} | ${valuesOf(spec)} | ${defaultOf(spec)} |`);
    if (spec.type === 'list') {
      lists.push(`Each entry of \`${name}\` is a Y.Map holding every one of these keys, as plain values:`);
      lists.push(fieldTable(spec.item));
    }
  }
  return [rows.join('\n'), ...lists].join('\n\n');
}

export function cardSection(kind: CardKind): string {
  const size = CARD_SIZES[kind];
  return `### \`${kind}\` card\n\nDefault size ${size.w} × ${size.h}.\n\n${fieldTable(CARD_FIELDS[kind])}\n`;
}

export function linkSection(kind: LinkKind): string {
  const ends = LINK_ENDS[kind];
  return `### \`${kind}\` link\n\nFrom ${ends.from.map(code).join(' or ')} to ${ends.to.map(code).join(' or ')}.\n\n${fieldTable(LINK_FIELDS[kind])}\n`;
}

export function scaleTable(): string {
  const rows = ['| score | label drawn on the link | meaning |', '| --- | --- | --- |'];
  for (const level of INTERACTION_SCALE)
    rows.push(`| \`${level.score}\` | ${formatScore(level.score)} | ${level.definition} |`);
  return rows.join('\n');
}

export function endsTable(): string {
  const rows = ['| link kind | from | to |', '| --- | --- | --- |'];
  for (const [kind, ends] of Object.entries(LINK_ENDS)) {
    rows.push(`| \`${kind}\` | ${ends.from.map(code).join(', ')} | ${ends.to.map(code).join(', ')} |`);
  }
  return rows.join('\n');
}

if (process.argv[1]?.endsWith('docTables.ts')) {
  for (const kind of Object.keys(CARD_FIELDS) as CardKind[]) console.log(cardSection(kind));
  for (const kind of Object.keys(LINK_FIELDS) as LinkKind[]) console.log(linkSection(kind));
  console.log(`${endsTable()}\n`);
  console.log(scaleTable());
}

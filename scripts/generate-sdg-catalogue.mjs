#!/usr/bin/env node
// Generates shared/sdg/catalogueData.ts (and copies the two MIT licences beside it) from the
// reference data kept beside the repo in ../shared/data/sdg. The reference folder is not part of
// users' clones, so the product ships the generated module and only maintainers re-run this.
//
//   node scripts/generate-sdg-catalogue.mjs          write the files
//   node scripts/generate-sdg-catalogue.mjs --check  exit 1 if the shipped files are out of date

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const referenceDir = resolve(repoRoot, '../shared/data/sdg');
const outDir = join(repoRoot, 'shared/sdg');
const outFile = join(outDir, 'catalogueData.ts');
const LICENCES = ['LICENSE-open-sdg', 'LICENSE-open-sdg-translations'];

const checkOnly = process.argv.includes('--check');

function fail(message) {
  console.error(`generate-sdg-catalogue: ${message}`);
  process.exit(1);
}

if (!existsSync(join(referenceDir, 'sdg-catalogue.json'))) {
  fail(`reference data not found at ${referenceDir} (expected ../shared/data/sdg beside the repo)`);
}

const reference = JSON.parse(readFileSync(join(referenceDir, 'sdg-catalogue.json'), 'utf8'));

// Only whitespace is normalised; the official wording and punctuation are kept as published.
const clean = (text) => String(text).replace(/\s+/g, ' ').trim();

// Single-quoted literal to match the repo's style; the texts use typographic apostrophes, but
// escape defensively anyway.
const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const seen = new Set();
let targetCount = 0;
const goals = reference.goals.map((g, index) => {
  if (g.goal !== index + 1) fail(`goal ${g.goal} is out of order at position ${index + 1}`);
  if (!/^#[0-9A-Fa-f]{6}$/.test(g.colour)) fail(`goal ${g.goal} has a bad colour ${g.colour}`);
  const targets = g.targets.map((t) => {
    const code = clean(t.id).toLowerCase();
    if (!code.startsWith(`${g.goal}.`)) fail(`target ${code} is listed under goal ${g.goal}`);
    if (seen.has(code)) fail(`duplicate target code ${code}`);
    seen.add(code);
    targetCount++;
    return { code, text: clean(t.text) };
  });
  return { number: g.goal, short: clean(g.short), title: clean(g.title), colour: g.colour.toUpperCase(), targets };
});
if (goals.length !== 17) fail(`expected 17 goals, found ${goals.length}`);
if (targetCount !== 169) fail(`expected 169 targets, found ${targetCount}`);

const lines = [
  '// GENERATED FILE: do not edit by hand. Regenerate with `node scripts/generate-sdg-catalogue.mjs`',
  '// from the reference data in ../shared/data/sdg (kept beside the repo, not in it).',
  '//',
  '// The 17 Sustainable Development Goals and their 169 targets (UN General Assembly resolution',
  '// A/RES/71/313).',
  '// - Goal and target texts: open-sdg/sdg-translations, English files',
  '//   (commit 0cda585851a5c6f04040a9a2755fbb4496c4eead), MIT licence, see LICENSES/LICENSE-open-sdg-translations.',
  '// - Goal colours: the `sdg` palette of open-sdg/open-sdg (commit a4bda9d2f024a2002a5438e7914986548b0a0f76),',
  "//   which matches the UN's SDG logo guidelines, MIT licence, see LICENSES/LICENSE-open-sdg.",
  '// Only whitespace was normalised; the wording is unchanged.',
  '',
  'export const SDG_CATALOGUE_DATA = [',
];
for (const g of goals) {
  lines.push('  {');
  lines.push(`    number: ${g.number},`);
  lines.push(`    short: ${quote(g.short)},`);
  lines.push(`    title: ${quote(g.title)},`);
  lines.push(`    colour: ${quote(g.colour)},`);
  lines.push('    targets: [');
  for (const t of g.targets) {
    // One property per line: formatters keep an object expanded once it is, so the long texts
    // do not make the layout depend on the configured line width.
    lines.push('      {', `        code: ${quote(t.code)},`, `        text: ${quote(t.text)},`, '      },');
  }
  lines.push('    ],');
  lines.push('  },');
}
lines.push('] as const;', '');
const generated = lines.join('\n');

const outputs = [
  [outFile, generated],
  ...LICENCES.map((name) => [join(outDir, 'LICENSES', name), readFileSync(join(referenceDir, name), 'utf8')]),
];

if (checkOnly) {
  const stale = outputs.filter(([file, content]) => !existsSync(file) || readFileSync(file, 'utf8') !== content);
  if (stale.length > 0) fail(`out of date: ${stale.map(([file]) => file).join(', ')}`);
  console.log('generate-sdg-catalogue: shipped SDG catalogue is up to date');
} else {
  mkdirSync(join(outDir, 'LICENSES'), { recursive: true });
  for (const [file, content] of outputs) writeFileSync(file, content);
  console.log(`generate-sdg-catalogue: wrote ${goals.length} goals, ${targetCount} targets to ${outFile}`);
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_PLAN_SCHEMA } from '../../../shared/plan/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PUBLISHED = path.join(ROOT, 'docs/action-plan.schema.json');

describe('the published action-plan schema', () => {
  // `UPDATE_PLAN_SCHEMA=1 npx vitest run tests/shared/plan/publishedSchema.test.ts` rewrites the file.
  it('equals the schema generated from the TypeScript source (docs/action-plan.schema.json)', () => {
    if (process.env.UPDATE_PLAN_SCHEMA === '1') {
      fs.writeFileSync(PUBLISHED, `${JSON.stringify(ACTION_PLAN_SCHEMA, null, 2)}\n`);
      // Formatted as the linter wants it, so that `npm run lint` stays green.
      execFileSync(path.join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', PUBLISHED], { stdio: 'ignore' });
    }
    const published: unknown = fs.existsSync(PUBLISHED) ? JSON.parse(fs.readFileSync(PUBLISHED, 'utf8')) : undefined;
    expect(published, 'docs/action-plan.schema.json is stale: rerun this test with UPDATE_PLAN_SCHEMA=1').toEqual(
      JSON.parse(JSON.stringify(ACTION_PLAN_SCHEMA)),
    );
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describePath, exportUrl, fileNameFrom } from '../../client/app/planApi.ts';
import { boardBounds, imageScale } from '../../client/panels/plan/imageBounds.ts';
import { addCard, listCards } from '../../shared/model/index.ts';

const author = { id: 'author-1', name: 'Ada', group: 'academia' };

describe('plan downloads', () => {
  it('asks for the agreed plan unless all items are wanted', () => {
    expect(exportUrl('ws-1', 'xlsx', false)).toBe('/api/workshops/ws-1/export?format=xlsx');
    expect(exportUrl('ws-1', 'json', true)).toBe('/api/workshops/ws-1/export?format=json&include=all');
  });

  it('names the file from Content-Disposition, preferring the UTF-8 name', () => {
    expect(
      fileNameFrom(
        `attachment; filename="plan-d-accion-action-plan.docx"; filename*=UTF-8''plan-d%E2%80%99acci%C3%B3n-action-plan.docx`,
        'x',
      ),
    ).toBe('plan-d’acción-action-plan.docx');
    expect(fileNameFrom('attachment; filename="city-action-plan.md"', 'x')).toBe('city-action-plan.md');
    expect(fileNameFrom(null, 'action-plan.csv')).toBe('action-plan.csv');
  });

  it('says where a problem of an imported plan is, counting entries from 1', () => {
    expect(describePath('/interventions/0/funding/1/amount')).toBe('interventions › 1 › funding › 2 › amount');
    expect(describePath('/workshop/a~1b')).toBe('workshop › a/b');
    expect(describePath('')).toBe('the whole file');
  });
});

describe('the board image', () => {
  it('takes in every card with a margin, and room for a frame’s title', () => {
    const doc = new Y.Doc();
    addCard(doc, { kind: 'note', x: -100, y: 50, author });
    addCard(doc, { kind: 'frame', x: 200, y: 0, w: 400, h: 300, author });
    expect(boardBounds(listCards(doc))).toEqual({ x: -148, y: -80, width: 796, height: 428 });
    expect(boardBounds([])).toBeNull();
  });

  it('draws at 100 % unless the image would be too large', () => {
    expect(imageScale({ x: 0, y: 0, width: 2000, height: 1000 })).toBe(1);
    const big = imageScale({ x: 0, y: 0, width: 20_000, height: 5_000 });
    expect(big * 20_000 * 2).toBeLessThanOrEqual(8192);
  });
});

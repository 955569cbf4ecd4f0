// Cards from far away: flat boxes batched by colour, a few draw calls for thousands of cards.
import type { Card, CardOf } from '../../../shared/model/kinds.ts';
import { getGoal, getTarget } from '../../../shared/sdg/catalogue.ts';
import { COLOURS, FONT_FAMILY } from '../theme.ts';
import { fontOf } from './textLayout.ts';

type Ctx = CanvasRenderingContext2D;

const UNKNOWN_FILL = '#94A3B8';

/** The fill a card shows from far away. */
export function overviewFill(card: Card): string {
  switch (card.kind) {
    case 'note':
      return card.fields.colour;
    case 'target': {
      const target = getTarget(card.fields.code);
      return (target && getGoal(target.goal)?.colour) ?? UNKNOWN_FILL;
    }
    case 'frame':
      return COLOURS.frameFill;
    default:
      return COLOURS.card;
  }
}

export function accentOf(card: Card): string | null {
  switch (card.kind) {
    case 'intervention':
      return COLOURS.intervention;
    case 'objective':
      return COLOURS.objective;
    case 'actor':
      return COLOURS.actor;
    default:
      return null;
  }
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Many cards from far away, in a few draw calls: boxes grouped by fill, one outline path, one
 * path per accent colour. Frames are drawn by the caller first, as outlines.
 */
export function drawCardsOverview(ctx: Ctx, cards: readonly Card[], scale: number): void {
  const byFill = new Map<string, Card[]>();
  const byAccent = new Map<string, Card[]>();
  for (const card of cards) {
    if (card.kind === 'frame') continue;
    pushTo(byFill, overviewFill(card), card);
    const accent = accentOf(card);
    if (accent) pushTo(byAccent, accent, card);
  }
  for (const [fill, group] of byFill) {
    ctx.beginPath();
    for (const c of group) ctx.rect(c.x, c.y, c.w, c.h);
    ctx.fillStyle = fill;
    ctx.fill();
  }
  const white = byFill.get(COLOURS.card);
  if (white) {
    ctx.beginPath();
    for (const c of white) ctx.rect(c.x, c.y, c.w, c.h);
    ctx.strokeStyle = COLOURS.frameStroke;
    ctx.lineWidth = 1 / scale;
    ctx.stroke();
  }
  const bar = Math.max(5, 3 / scale);
  for (const [accent, group] of byAccent) {
    ctx.beginPath();
    for (const c of group) ctx.rect(c.x, c.y, Math.min(bar, c.w / 3), c.h);
    ctx.fillStyle = accent;
    ctx.fill();
  }
}

/** A frame from far away: its box and, while legible, its title. */
export function drawFrameOverview(ctx: Ctx, card: CardOf<'frame'>, scale: number): void {
  ctx.beginPath();
  ctx.rect(card.x, card.y, card.w, card.h);
  ctx.fillStyle = COLOURS.frameFill;
  ctx.fill();
  ctx.strokeStyle = COLOURS.frameStroke;
  ctx.lineWidth = 1.5 / scale;
  ctx.stroke();
  const size = 12 / scale;
  const title = card.fields.title || 'Untitled frame';
  ctx.font = fontOf({ size, bold: true, family: FONT_FAMILY });
  ctx.fillStyle = COLOURS.inkSoft;
  ctx.fillText(title, card.x, card.y - size * 1.4);
}

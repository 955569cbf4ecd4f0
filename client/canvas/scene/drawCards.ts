// Drawing a card close up, straight onto the layer's 2D context in board coordinates: text is
// measured once per snapshot and drawn as grey bars when too small to read. From far away cards
// are drawn by drawOverview.ts instead.
import type { Card, CardOf } from '../../../shared/model/kinds.ts';
import { STAKEHOLDER_GROUP_LABELS } from '../../../shared/model/vocabulary.ts';
import { getGoal, getTarget, textColourOn } from '../../../shared/sdg/catalogue.ts';
import { CARD_RADIUS, COLOURS, FONT_FAMILY } from '../theme.ts';
import { accentOf, overviewFill } from './drawOverview.ts';
import { fitLine, fontOf, measure, type TextStyle, wrapText } from './textLayout.ts';

type Ctx = CanvasRenderingContext2D;

/** Below this on-screen size text is drawn as grey bars; below the next, not at all. */
const READABLE_PX = 5;
const VISIBLE_PX = 1.2;
const UNKNOWN_FILL = '#94A3B8';

interface TextBlock {
  x: number;
  y: number;
  lines: string[];
  style: TextStyle;
  lineHeight: number;
  fill: string;
}

interface CardLook {
  fill: string;
  stroke: string | null;
  radius: number;
  accent: string | null;
  shadow: boolean;
  dashed: boolean;
  texts: TextBlock[];
  /** The main text, left out while it is being edited in place. */
  main: TextBlock | null;
  pill: { x: number; y: number; w: number; label: string; fill: string; ink: string } | null;
}

const looks = new WeakMap<Card, CardLook>();

/**
 * Text is laid out once per snapshot, but many cards coming into view at once (a zoom in) would
 * stall a frame: past `until` (a performance.now() time) a card is drawn without its text this
 * frame, counted in `deferred`, and the scene draws again next frame to lay out more.
 */
export const layoutBudget = { until: Number.POSITIVE_INFINITY, deferred: 0 };

const style = (size: number, extra: Partial<TextStyle> = {}): TextStyle => ({ size, family: FONT_FAMILY, ...extra });

function caption(x: number, y: number, width: number, text: string, fill: string, s: TextStyle): TextBlock {
  return { x, y, lines: text ? [fitLine(text, width, s)] : [], style: s, lineHeight: s.size * 1.3, fill };
}

function body(
  x: number,
  y: number,
  width: number,
  height: number,
  text: string,
  fill: string,
  s: TextStyle,
  lineHeight: number,
): TextBlock {
  const lh = s.size * lineHeight;
  const maxLines = Math.max(1, Math.floor(height / lh));
  return { x, y, lines: wrapText(text, width, maxLines, s), style: s, lineHeight: lh, fill };
}

function plainLook(card: Card, accent: string, kicker: string, title: string, placeholder: string, footer: string) {
  const PAD = 18;
  const empty = title.trim() === '';
  const w = card.w - 2 * PAD;
  return {
    fill: COLOURS.card,
    stroke: COLOURS.line,
    radius: CARD_RADIUS,
    accent,
    shadow: true,
    dashed: false,
    texts: [
      caption(PAD, 14, w, kicker, accent, style(10, { bold: true, spacing: 1 })),
      caption(PAD, card.h - 22, w, footer, COLOURS.inkMuted, style(10.5)),
    ],
    main: body(
      PAD,
      33,
      w,
      card.h - 63,
      empty ? placeholder : title,
      empty ? COLOURS.inkMuted : COLOURS.ink,
      style(16, { bold: !empty, italic: empty }),
      1.25,
    ),
    pill: null,
  };
}

function targetLook(card: CardOf<'target'>): CardLook {
  const PAD = 14;
  const target = getTarget(card.fields.code);
  const goal = target ? getGoal(target.goal) : undefined;
  const fill = goal?.colour ?? UNKNOWN_FILL;
  const ink = textColourOn(fill);
  const soft = ink === '#FFFFFF' ? 'rgba(255, 255, 255, 0.85)' : 'rgba(0, 0, 0, 0.72)';
  const migration = target?.migrationExplicit
    ? 'MIGRATION'
    : card.fields.migrationCrossCutting
      ? 'MIGRATION · TAGGED'
      : null;
  const goalLine = goal ? `GOAL ${goal.number} · ${goal.short.toUpperCase()}` : 'UNKNOWN TARGET';
  const w = card.w - 2 * PAD;
  const pillW = migration ? measure(migration, style(9, { bold: true, spacing: 0.6 })) + 14 : 0;
  return {
    fill,
    stroke: null,
    radius: CARD_RADIUS,
    accent: null,
    shadow: true,
    dashed: false,
    texts: [
      caption(PAD, 12, w, goalLine, soft, style(9.5, { bold: true, spacing: 0.5 })),
      caption(PAD, 28, w - pillW - 6, card.fields.code || '?', ink, style(30, { bold: true })),
      body(
        PAD,
        66,
        w,
        card.h - 76,
        target?.text ?? `No SDG target has the code “${card.fields.code}”.`,
        soft,
        style(11),
        1.25,
      ),
    ],
    main: null,
    pill: migration ? { x: card.w - PAD - pillW, y: 37, w: pillW, label: migration, fill: ink, ink: fill } : null,
  };
}

function lookOf(card: Card): CardLook {
  const cached = looks.get(card);
  if (cached) return cached;
  if (performance.now() > layoutBudget.until) {
    layoutBudget.deferred++;
    return draftLook(card);
  }
  let look: CardLook;
  switch (card.kind) {
    case 'note': {
      const PAD = 14;
      const empty = card.fields.text.trim() === '';
      look = {
        fill: card.fields.colour,
        stroke: null,
        radius: 3,
        accent: null,
        shadow: true,
        dashed: false,
        texts: [caption(PAD, card.h - 22, card.w - 2 * PAD, card.author.name, 'rgba(15, 23, 42, 0.55)', style(10.5))],
        main: body(
          PAD,
          PAD,
          card.w - 2 * PAD,
          card.h - PAD - 30,
          empty ? 'Empty note' : card.fields.text,
          empty ? 'rgba(15, 23, 42, 0.4)' : COLOURS.ink,
          style(15, { italic: empty }),
          1.3,
        ),
        pill: null,
      };
      break;
    }
    case 'target':
      look = targetLook(card);
      break;
    case 'intervention':
      look = plainLook(
        card,
        COLOURS.intervention,
        'INTERVENTION',
        card.fields.title,
        'Untitled intervention',
        card.author.name ? `Proposed by ${card.author.name}` : '',
      );
      break;
    case 'objective':
      look = plainLook(
        card,
        COLOURS.objective,
        'OBJECTIVE',
        card.fields.title,
        'Untitled objective',
        card.author.name ? `Proposed by ${card.author.name}` : '',
      );
      break;
    case 'actor':
      look = plainLook(
        card,
        COLOURS.actor,
        'ACTOR',
        card.fields.name,
        'Unnamed organisation',
        STAKEHOLDER_GROUP_LABELS[card.fields.group],
      );
      break;
    case 'frame':
      look = {
        fill: COLOURS.frameFill,
        stroke: COLOURS.frameStroke,
        radius: 12,
        accent: null,
        shadow: false,
        dashed: true,
        texts: [],
        main: caption(
          4,
          -22,
          card.w - 8,
          card.fields.title || 'Untitled frame',
          COLOURS.inkSoft,
          style(14, { bold: true }),
        ),
        pill: null,
      };
      break;
  }
  looks.set(card, look);
  return look;
}

/** A card's box without its text, while its text waits for the next frame's layout budget. */
function draftLook(card: Card): CardLook {
  const accent = accentOf(card);
  return {
    fill: overviewFill(card),
    stroke: card.kind === 'frame' ? COLOURS.frameStroke : accent ? COLOURS.line : null,
    radius: card.kind === 'frame' ? 12 : card.kind === 'note' ? 3 : CARD_RADIUS,
    accent,
    shadow: card.kind !== 'frame',
    dashed: card.kind === 'frame',
    texts: [],
    main: null,
    pill: null,
  };
}

function drawText(ctx: Ctx, block: TextBlock, ox: number, oy: number, scale: number): void {
  if (block.lines.length === 0) return;
  const px = block.style.size * scale;
  if (px < VISIBLE_PX) return;
  if (px < READABLE_PX) {
    // Too small to read: a bar where each line is, the way a page looks from across the room.
    ctx.fillStyle = block.fill;
    const globalAlpha = ctx.globalAlpha;
    ctx.globalAlpha = globalAlpha * 0.35;
    for (let i = 0; i < block.lines.length; i++) {
      const width = measure(block.lines[i] as string, block.style);
      ctx.fillRect(
        ox + block.x,
        oy + block.y + i * block.lineHeight + block.style.size * 0.2,
        width,
        block.style.size * 0.7,
      );
    }
    ctx.globalAlpha = globalAlpha;
    return;
  }
  ctx.font = fontOf(block.style);
  ctx.letterSpacing = `${block.style.spacing ?? 0}px`;
  ctx.fillStyle = block.fill;
  for (let i = 0; i < block.lines.length; i++) {
    ctx.fillText(block.lines[i] as string, ox + block.x, oy + block.y + i * block.lineHeight);
  }
  if (block.style.spacing) ctx.letterSpacing = '0px';
}

function shape(ctx: Ctx, x: number, y: number, w: number, h: number, r: number, scale: number): void {
  ctx.beginPath();
  if (r * scale >= 1) ctx.roundRect(x, y, w, h, r);
  else ctx.rect(x, y, w, h);
}

/** One card close up, at (x, y) (its own position, or where a drag has it now). */
export function drawCardDetail(ctx: Ctx, card: Card, x: number, y: number, scale: number, editing: boolean): void {
  const look = lookOf(card);
  const { w, h } = card;
  if (look.shadow && scale >= 0.3) {
    // A soft edge below the card: an offset fill, far cheaper than a blurred shadow.
    ctx.fillStyle = 'rgba(15, 23, 42, 0.10)';
    shape(ctx, x, y + 2, w, h, look.radius, scale);
    ctx.fill();
  }
  shape(ctx, x, y, w, h, look.radius, scale);
  ctx.fillStyle = look.fill;
  ctx.fill();
  if (look.stroke && scale >= 0.2) {
    ctx.strokeStyle = look.stroke;
    ctx.lineWidth = look.dashed ? 1.5 : 1;
    if (look.dashed) ctx.setLineDash([10, 6]);
    ctx.stroke();
    if (look.dashed) ctx.setLineDash([]);
  }
  if (look.accent) {
    ctx.fillStyle = look.accent;
    ctx.beginPath();
    if (look.radius * scale >= 1) ctx.roundRect(x, y, 5, h, [look.radius, 0, 0, look.radius]);
    else ctx.rect(x, y, 5, h);
    ctx.fill();
  }
  for (const block of look.texts) drawText(ctx, block, x, y, scale);
  if (look.main && !editing) drawText(ctx, look.main, x, y, scale);
  if (look.pill && 9 * scale >= VISIBLE_PX) {
    const p = look.pill;
    ctx.fillStyle = p.fill;
    shape(ctx, x + p.x, y + p.y, p.w, 17, 8.5, scale);
    ctx.fill();
    drawText(
      ctx,
      {
        x: p.x + 7,
        y: p.y + 3.5,
        lines: [p.label],
        style: style(9, { bold: true, spacing: 0.6 }),
        lineHeight: 11,
        fill: p.ink,
      },
      x,
      y,
      scale,
    );
  }
  if (card.status !== 'proposed') drawBadge(ctx, x + w - 2, y + 2, card.status === 'agreed', scale);
}

function drawBadge(ctx: Ctx, cx: number, cy: number, agreed: boolean, scale: number): void {
  ctx.beginPath();
  ctx.arc(cx, cy, agreed ? 10 : 7, 0, Math.PI * 2);
  ctx.fillStyle = agreed ? COLOURS.agreed : COLOURS.discussed;
  ctx.fill();
  if (scale < 0.3) return;
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#FFFFFF';
  ctx.stroke();
  if (agreed) {
    ctx.beginPath();
    ctx.moveTo(cx - 4.5, cy + 0.5);
    ctx.lineTo(cx - 1.5, cy + 3.5);
    ctx.lineTo(cx + 4.5, cy - 3);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.stroke();
  }
}

// Drawing links as arrows from card edge to card edge, with their label pill where it fits.
import { formatScore, scoreColour } from '../../../shared/model/interactionScale.ts';
import type { Link } from '../../../shared/model/kinds.ts';
import { textColourOn } from '../../../shared/sdg/catalogue.ts';
import { linkPoints, type Rect } from '../geometry.ts';
import { fittingLabel, LABEL_FONT_PX, LABEL_H, LABEL_PAD_PX } from '../linkLabel.ts';
import { COLOURS, FONT_FAMILY } from '../theme.ts';
import { fontOf, measure, type TextStyle } from './textLayout.ts';

type Ctx = CanvasRenderingContext2D;

export interface LinkLook {
  stroke: string;
  dash: number[] | null;
  label: string;
  /** What the label shrinks to when the arrow is too short for it ('' hides it). */
  shortLabel: string;
  labelFill: string;
  labelInk: string;
  labelStroke: string | null;
}

const looks = new WeakMap<Link, LinkLook>();
const LABEL_STYLE: TextStyle = { size: LABEL_FONT_PX, bold: true, family: FONT_FAMILY };

export function lookOf(link: Link): LinkLook {
  const cached = looks.get(link);
  if (cached) return cached;
  let look: LinkLook;
  switch (link.kind) {
    case 'interaction': {
      const colour = scoreColour(link.fields.score);
      const label = formatScore(link.fields.score);
      look = {
        stroke: colour,
        dash: null,
        label,
        shortLabel: label.split(' ')[0] ?? '',
        labelFill: colour,
        labelInk: textColourOn(colour),
        labelStroke: null,
      };
      break;
    }
    case 'contributes':
      look = {
        stroke: COLOURS.contributes,
        dash: [9, 6],
        label: 'contributes',
        shortLabel: '',
        labelFill: '#FFFFFF',
        labelInk: COLOURS.contributes,
        labelStroke: COLOURS.line,
      };
      break;
    case 'implements':
      look = {
        stroke: COLOURS.implements,
        dash: [2, 5],
        label: `implements · ${link.fields.role}`,
        shortLabel: '',
        labelFill: '#FFFFFF',
        labelInk: COLOURS.implements,
        labelStroke: COLOURS.line,
      };
      break;
  }
  looks.set(link, look);
  return look;
}

const HEAD_LENGTH = 11;
const HEAD_WIDTH = 10;

/** Draws one arrow between two card rects; `selected` thickens it and rings its label. */
export function drawLinkDetail(
  ctx: Ctx,
  link: Link,
  from: Rect,
  to: Rect,
  offset: number,
  scale: number,
  selected: boolean,
): void {
  const look = lookOf(link);
  const [x1, y1, x2, y2] = linkPoints(from, to, offset);
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len < 1) return;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  if (selected) {
    ctx.strokeStyle = COLOURS.selectionHalo;
    ctx.lineWidth = 12;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
  }
  ctx.strokeStyle = look.stroke;
  ctx.lineWidth = Math.max(selected ? 3 : 2, 1 / scale);
  ctx.lineCap = 'round';
  if (look.dash && scale >= 0.3) ctx.setLineDash(look.dash);
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  // The line stops where the head begins, so a dashed line does not show through it.
  ctx.lineTo(x2 - ux * HEAD_LENGTH * 0.8, y2 - uy * HEAD_LENGTH * 0.8);
  ctx.stroke();
  if (look.dash) ctx.setLineDash([]);
  ctx.fillStyle = look.stroke;
  ctx.beginPath();
  ctx.moveTo(x2, y2);
  ctx.lineTo(x2 - ux * HEAD_LENGTH - uy * (HEAD_WIDTH / 2), y2 - uy * HEAD_LENGTH + ux * (HEAD_WIDTH / 2));
  ctx.lineTo(x2 - ux * HEAD_LENGTH + uy * (HEAD_WIDTH / 2), y2 - uy * HEAD_LENGTH - ux * (HEAD_WIDTH / 2));
  ctx.closePath();
  ctx.fill();
  if (LABEL_FONT_PX * scale < 4.5) return;
  const label = fittingLabel([x1, y1, x2, y2], look);
  if (!label) return;
  const width = measure(label, LABEL_STYLE) + 2 * LABEL_PAD_PX;
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  ctx.beginPath();
  ctx.roundRect(mx - width / 2, my - LABEL_H / 2, width, LABEL_H, LABEL_H / 2);
  ctx.fillStyle = look.labelFill;
  ctx.fill();
  const ring = selected ? COLOURS.selection : look.labelStroke;
  if (ring) {
    ctx.lineWidth = selected ? 2 : 1;
    ctx.strokeStyle = ring;
    ctx.stroke();
  }
  ctx.font = fontOf(LABEL_STYLE);
  ctx.fillStyle = look.labelInk;
  ctx.fillText(label, mx - width / 2 + LABEL_PAD_PX, my - LABEL_FONT_PX / 2);
}

/** Many links from far away: thin lines, one path per colour. */
export function drawLinksOverview(
  ctx: Ctx,
  links: readonly Link[],
  ends: (link: Link) => readonly [Rect, Rect, number] | null,
  scale: number,
): void {
  const byColour = new Map<string, number[]>();
  for (const link of links) {
    const e = ends(link);
    if (!e) continue;
    const colour = lookOf(link).stroke;
    const pts = byColour.get(colour);
    if (pts) pts.push(...linkPoints(e[0], e[1], e[2]));
    else byColour.set(colour, [...linkPoints(e[0], e[1], e[2])]);
  }
  ctx.lineWidth = 1.2 / scale;
  for (const [colour, pts] of byColour) {
    ctx.beginPath();
    for (let i = 0; i < pts.length; i += 4) {
      ctx.moveTo(pts[i] as number, pts[i + 1] as number);
      ctx.lineTo(pts[i + 2] as number, pts[i + 3] as number);
    }
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
}

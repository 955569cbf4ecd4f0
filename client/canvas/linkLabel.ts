// Whether a link's label fits on the visible part of its arrow, between the two cards.

export const LABEL_FONT_PX = 11;
export const LABEL_PAD_PX = 5;
export const LABEL_H = LABEL_FONT_PX + 2 * LABEL_PAD_PX;
const ARROW_HEAD_PX = 11;

/** Roughly how wide a label is drawn (bold 11 px); precise enough to decide whether it fits. */
function labelWidth(text: string): number {
  return text.length * 6.4 + 2 * LABEL_PAD_PX;
}

/** The label that fits along the visible part of the arrow: the full one, the short one, or none. */
export function fittingLabel(points: readonly number[], look: { label: string; shortLabel: string }): string {
  const dx = (points[2] ?? 0) - (points[0] ?? 0);
  const dy = (points[3] ?? 0) - (points[1] ?? 0);
  const length = Math.hypot(dx, dy);
  if (length === 0) return '';
  const room = length - ARROW_HEAD_PX - 8;
  const extent = (text: string) => (Math.abs(dx) / length) * labelWidth(text) + (Math.abs(dy) / length) * LABEL_H;
  if (extent(look.label) <= room) return look.label;
  if (look.shortLabel && extent(look.shortLabel) <= room) return look.shortLabel;
  return '';
}

// Text colour for cards filled with a goal colour. The official SDG icons use white text
// everywhere, but several goal colours (yellow 7, orange 11, light blue 6) are too light for
// white at card text sizes, so the choice follows WCAG 2 contrast instead.

const HEX_COLOUR = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Channel value (0–255) to linear light, per the sRGB transfer function used by WCAG 2. */
function linearChannel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of `#RGB` or `#RRGGBB` (the `#` is optional). */
export function relativeLuminance(hex: string): number {
  const match = HEX_COLOUR.exec(hex.trim());
  if (!match?.[1]) throw new RangeError(`Not a hex colour: ${JSON.stringify(hex)}`);
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  const [r, g, b] = [0, 2, 4].map((i) => linearChannel(Number.parseInt(digits.slice(i, i + 2), 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/**
 * Black or white, whichever has the higher WCAG contrast ratio against `hex`, for text drawn on
 * a card filled with a goal colour. Throws a RangeError if `hex` is not a hex colour.
 */
export function textColourOn(hex: string): '#000000' | '#FFFFFF' {
  const l = relativeLuminance(hex);
  const contrastWithBlack = (l + 0.05) / 0.05;
  const contrastWithWhite = 1.05 / (l + 0.05);
  return contrastWithBlack >= contrastWithWhite ? '#000000' : '#FFFFFF';
}

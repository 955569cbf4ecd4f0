// Text on the canvas, measured once: word widths are cached per font, and a card's wrapped lines
// are cached per snapshot (an unchanged card never measures its text again).

export interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  family: string;
  /** Extra px between letters. */
  spacing?: number;
}

export function fontOf(style: TextStyle): string {
  return `${style.italic ? 'italic ' : ''}${style.bold ? 'bold ' : ''}${style.size}px ${style.family}`;
}

let measureCtx: CanvasRenderingContext2D | null = null;
const widthCache = new Map<string, Map<string, number>>();

function measurer(): CanvasRenderingContext2D {
  if (!measureCtx) {
    const canvas = document.createElement('canvas');
    measureCtx = canvas.getContext('2d');
    if (!measureCtx) throw new Error('no 2d canvas');
  }
  return measureCtx;
}

/** The width of `text` in `font`, measured once per font and string. */
export function measure(text: string, style: TextStyle): number {
  const font = fontOf(style);
  let cache = widthCache.get(font);
  if (!cache) {
    cache = new Map();
    widthCache.set(font, cache);
  }
  let width = cache.get(text);
  if (width === undefined) {
    const ctx = measurer();
    ctx.font = font;
    width = ctx.measureText(text).width + (style.spacing ?? 0) * text.length;
    // Bounded: long free text is measured word by word, so the cache holds words, not notes.
    if (cache.size > 50_000) cache.clear();
    cache.set(text, width);
  }
  return width;
}

const ELLIPSIS = '…';

/** Cuts `text` to fit `width` on one line, ending with an ellipsis when cut. */
export function fitLine(text: string, width: number, style: TextStyle): string {
  if (measure(text, style) <= width) return text;
  return withEllipsis(text, width, style);
}

/** The longest start of `text` that fits `width` with an ellipsis after it. */
function withEllipsis(text: string, width: number, style: TextStyle): string {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(text.slice(0, mid) + ELLIPSIS, style) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : text.slice(0, lo).trimEnd() + ELLIPSIS;
}

/**
 * Wraps `text` at word boundaries (and at newlines) into at most `maxLines` lines of `width`,
 * the last one ending with an ellipsis when the text does not fit.
 */
export function wrapText(text: string, width: number, maxLines: number, style: TextStyle): string[] {
  if (maxLines <= 0 || width <= 0) return [];
  const lines: string[] = [];
  const space = measure(' ', style);
  const paragraphs = text.split('\n');
  let truncated = false;
  outer: for (let p = 0; p < paragraphs.length; p++) {
    const words = (paragraphs[p] ?? '').split(/ +/).filter((w) => w !== '');
    let line = '';
    let lineWidth = 0;
    for (const word of words) {
      let wordWidth = measure(word, style);
      let piece = word;
      // A word longer than the line is broken where it overflows.
      while (wordWidth > width) {
        if (line) {
          lines.push(line);
          if (lines.length === maxLines) {
            truncated = true;
            break outer;
          }
          line = '';
          lineWidth = 0;
        }
        let cut = piece.length - 1;
        while (cut > 1 && measure(piece.slice(0, cut), style) > width) cut--;
        lines.push(piece.slice(0, cut));
        if (lines.length === maxLines) {
          truncated = true;
          break outer;
        }
        piece = piece.slice(cut);
        wordWidth = measure(piece, style);
      }
      if (!line) {
        line = piece;
        lineWidth = wordWidth;
      } else if (lineWidth + space + wordWidth <= width) {
        line += ` ${piece}`;
        lineWidth += space + wordWidth;
      } else {
        lines.push(line);
        if (lines.length === maxLines) {
          truncated = true;
          break outer;
        }
        line = piece;
        lineWidth = wordWidth;
      }
    }
    lines.push(line);
    if (lines.length === maxLines && p < paragraphs.length - 1) {
      truncated = true;
      break;
    }
  }
  if (truncated && lines.length > 0) {
    const last = lines.length - 1;
    const line = lines[last] ?? '';
    lines[last] =
      measure(line + ELLIPSIS, style) <= width ? line + ELLIPSIS : withEllipsis(line, width, style) || ELLIPSIS;
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

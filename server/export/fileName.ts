// Download names for exports: `<slug of workshop title>-action-plan.<ext>`, with an ASCII
// `filename` every client understands and a UTF-8 `filename*` (RFC 6266 / 5987) that keeps
// accents and scripts such as Devanagari for the clients that read it.

const MAX_SLUG_CHARS = 60;
const FALLBACK = 'workshop';

/** Lower-case ASCII words joined by dashes: "Plan d’acción — Île" → "plan-d-accion-ile". */
export function asciiSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_CHARS)
    .replace(/^-+|-+$/g, '');
  return slug || FALLBACK;
}

/** Like `asciiSlug` but keeping letters of every script (with their combining marks). */
export function unicodeSlug(title: string): string {
  const slug = [
    ...title
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-'),
  ]
    .slice(0, MAX_SLUG_CHARS)
    .join('')
    .replace(/^-+|-+$/g, '');
  return slug || FALLBACK;
}

/** RFC 5987 value characters: encodeURIComponent leaves a few that the grammar does not allow. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function exportFileName(title: string, extension: string): string {
  return `${asciiSlug(title)}-action-plan.${extension}`;
}

export function contentDisposition(title: string, extension: string): string {
  const unicodeName = `${unicodeSlug(title)}-action-plan.${extension}`;
  return `attachment; filename="${exportFileName(title, extension)}"; filename*=UTF-8''${encodeRfc5987(unicodeName)}`;
}

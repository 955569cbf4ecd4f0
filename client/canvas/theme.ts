// The canvas's look in one place, matched to the CSS of the panels around it.

export const FONT_FAMILY =
  'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const COLOURS = {
  ink: '#0F172A',
  inkSoft: '#475569',
  inkMuted: '#64748B',
  line: '#D6DCE5',
  card: '#FFFFFF',
  selection: '#2563EB',
  selectionHalo: 'rgba(37, 99, 235, 0.18)',
  linkSource: '#2563EB',
  contributes: '#475569',
  implements: '#7C3AED',
  intervention: '#19486A',
  objective: '#0A97D9',
  actor: '#7C3AED',
  frameFill: 'rgba(148, 163, 184, 0.08)',
  frameStroke: '#94A3B8',
  agreed: '#16A34A',
  discussed: '#F59E0B',
} as const;

export const CARD_RADIUS = 8;
export const CARD_SHADOW = {
  shadowColor: '#0F172A',
  shadowOpacity: 0.12,
  shadowBlur: 10,
  shadowOffsetY: 2,
  shadowForStrokeEnabled: false,
} as const;

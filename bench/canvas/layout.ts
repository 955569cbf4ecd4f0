// The benchmark board, the same for our canvas and for tldraw: 5,000 cards on a grid (SDG
// targets and interventions mostly, with objectives, actors and notes in some rows) and 5,000
// links between neighbours, every one of a kind the model allows.
import { type CardKind, LINK_ENDS, type LinkKind } from '../../shared/model/kinds.ts';
import { SDG_TARGETS as TARGETS } from '../../shared/sdg/catalogue.ts';

export const CARD_COUNT = 5000;
export const LINK_COUNT = 5000;
export const COLUMNS = 100;
export const PITCH_X = 320;
export const PITCH_Y = 260;

export interface BenchCard {
  kind: CardKind;
  x: number;
  y: number;
  text: string;
  /** For targets: the code. */
  code?: string;
}

export interface BenchLink {
  from: number;
  to: number;
  kind: LinkKind;
  /** Interaction score, for interaction links. */
  score?: -3 | -2 | -1 | 0 | 1 | 2 | 3;
}

const WORDS = [
  'skills recognition',
  'diaspora investment fund',
  'migrant resource centre',
  'remittance cost reduction',
  'ethical recruitment',
  'portable social protection',
  'language training',
  'return and reintegration',
  'labour market information',
  'urban inclusion plan',
];

function kindAt(row: number, col: number): CardKind {
  if (row % 10 === 9) return col % 2 === 0 ? 'actor' : 'intervention';
  if (row % 10 === 8) return col % 2 === 0 ? 'objective' : 'target';
  if (row % 10 === 7 && col % 5 === 0) return 'note';
  return col % 2 === 0 ? 'target' : 'intervention';
}

function linkKind(from: CardKind, to: CardKind): LinkKind | null {
  for (const kind of Object.keys(LINK_ENDS) as LinkKind[]) {
    const ends = LINK_ENDS[kind];
    if ((ends.from as readonly string[]).includes(from) && (ends.to as readonly string[]).includes(to)) return kind;
  }
  return null;
}

export function benchBoard(): { cards: BenchCard[]; links: BenchLink[] } {
  const cards: BenchCard[] = [];
  for (let i = 0; i < CARD_COUNT; i++) {
    const row = Math.floor(i / COLUMNS);
    const col = i % COLUMNS;
    const kind = kindAt(row, col);
    const x = col * PITCH_X;
    const y = row * PITCH_Y;
    const phrase = WORDS[i % WORDS.length] as string;
    switch (kind) {
      case 'target': {
        const target = TARGETS[i % TARGETS.length];
        cards.push({ kind, x, y, text: `${target?.code} ${target?.text ?? ''}`, code: target?.code ?? '10.7' });
        break;
      }
      case 'note':
        cards.push({ kind, x, y, text: `Idea ${i}: what about ${phrase}?` });
        break;
      case 'actor':
        cards.push({ kind, x, y, text: `Organisation ${i}` });
        break;
      default:
        cards.push({ kind, x, y, text: `${kind === 'objective' ? 'Objective' : 'Intervention'} ${i}: ${phrase}` });
    }
  }
  const links: BenchLink[] = [];
  const tryLink = (a: number, b: number) => {
    if (links.length >= LINK_COUNT) return;
    const ka = cards[a]?.kind;
    const kb = cards[b]?.kind;
    if (!ka || !kb) return;
    let kind = linkKind(ka, kb);
    let [from, to] = [a, b];
    if (!kind) {
      kind = linkKind(kb, ka);
      [from, to] = [b, a];
    }
    if (!kind) return;
    const score = kind === 'interaction' ? (((from % 7) - 3) as BenchLink['score']) : undefined;
    links.push({ from, to, kind, ...(score !== undefined ? { score } : {}) });
  };
  for (let i = 0; i < CARD_COUNT; i++) if (i % COLUMNS !== COLUMNS - 1) tryLink(i, i + 1);
  for (let i = 0; i + COLUMNS < CARD_COUNT && links.length < LINK_COUNT; i++) tryLink(i, i + COLUMNS);
  return { cards, links };
}

// The benchmark board of the action-plan benchmarks: 169 targets, 1,000 interventions with every
// field filled (French and Nepali text), 20 actors and 3,000 links, all agreed, from a seeded
// random source so that every run builds the same board.
import * as Y from 'yjs';
import {
  ACTOR_ROLES,
  type Author,
  addCard,
  addLink,
  FUNDING_SOURCES,
  INTERACTION_SCORES,
  INTERVENTION_TYPES,
  migrateBoard,
  SECTORS,
  STAKEHOLDER_GROUPS,
} from '../shared/model/index.ts';
import { SDG_TARGETS } from '../shared/sdg/catalogue.ts';

export const INTERVENTIONS = 1_000;
export const ACTORS = 20;
export const CONTRIBUTES = 1_200;
export const IMPLEMENTS = 300;
export const INTERACTIONS = 1_500;

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildBenchBoard(): Y.Doc {
  const random = seeded(2026);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const authors: Author[] = STAKEHOLDER_GROUPS.map((group, i) => ({ id: `author-${i}`, name: `Personne ${i}`, group }));
  const doc = new Y.Doc();
  migrateBoard(doc);
  const status = 'agreed' as const;
  const targets = SDG_TARGETS.map((t, i) =>
    addCard(doc, {
      kind: 'target',
      x: (i % 13) * 240,
      y: Math.floor(i / 13) * 150,
      status,
      author: pick(authors),
      fields: { code: t.code, migrationCrossCutting: i % 7 === 0, crossCuttingNote: i % 7 === 0 ? 'Transversal' : '' },
    }),
  );
  const actors = Array.from({ length: ACTORS }, (_, i) =>
    addCard(doc, {
      kind: 'actor',
      x: -300,
      y: i * 120,
      status,
      author: pick(authors),
      fields: { name: `Organisation ${i}`, group: pick(STAKEHOLDER_GROUPS), description: 'Acteur de mise en œuvre' },
    }),
  );
  const interventions = Array.from({ length: INTERVENTIONS }, (_, i) =>
    addCard(doc, {
      kind: 'intervention',
      x: (i % 20) * 260,
      y: 3000 + Math.floor(i / 20) * 160,
      status,
      author: pick(authors),
      fields: {
        title: `Intervention ${i}: guichet d’information pour les आप्रवासी`,
        description: 'Un guichet unique d’information et d’orientation pour les personnes migrantes. '.repeat(3),
        type: pick(INTERVENTION_TYPES),
        sector: pick(SECTORS),
        rationale: 'Les personnes migrantes perdent des mois à chercher l’information. '.repeat(2),
        actors: [
          { name: 'Ministère du Travail', role: pick(ACTOR_ROLES), tasks: 'Piloter' },
          { name: 'Asociación', role: pick(ACTOR_ROLES), tasks: 'Difundir' },
        ],
        startDate: '2026-09-01',
        endDate: '2028-08-31',
        milestones: [{ date: '2027-06-01', description: 'Premier guichet ouvert' }],
        expectedOutcomes: 'Accès à l’emploi plus rapide',
        expectedOutputs: '3 guichets; 5 000 personnes orientées',
        supportingActivities: [{ kind: 'training', description: 'Formation du personnel' }],
        resourcesRequired: '6 agents, locaux, interprètes',
        funding: [{ amount: 100_000 + i, currency: 'EUR', source: pick(FUNDING_SOURCES), arrangement: 'Budget' }],
        indicators: [{ indicator: 'Personnes orientées', meansOfVerification: 'Registre', reporter: 'Ministère' }],
      },
    }),
  );
  for (let i = 0; i < CONTRIBUTES; i++) {
    const from = interventions[i % INTERVENTIONS] as string;
    const to = targets[(i * 7 + Math.floor(i / INTERVENTIONS)) % targets.length] as string;
    addLink(doc, { kind: 'contributes', from, to, status, author: pick(authors), fields: { note: 'Contribue' } });
  }
  for (let i = 0; i < IMPLEMENTS; i++) {
    const to = interventions[i] as string;
    addLink(doc, {
      kind: 'implements',
      from: actors[i % ACTORS] as string,
      to,
      status,
      author: pick(authors),
      fields: { role: pick(ACTOR_ROLES), tasks: 'Mettre en œuvre' },
    });
  }
  // Distinct ordered pairs of targets, as a scored matrix has.
  const pairs = new Set<string>();
  while (pairs.size < INTERACTIONS) {
    const a = Math.floor(random() * targets.length);
    const b = Math.floor(random() * targets.length);
    if (a !== b) pairs.add(`${a}>${b}`);
  }
  for (const pair of pairs) {
    const [a, b] = pair.split('>').map(Number) as [number, number];
    addLink(doc, {
      kind: 'interaction',
      from: targets[a] as string,
      to: targets[b] as string,
      status,
      author: pick(authors),
      fields: {
        score: pick(INTERACTION_SCORES),
        rationale: 'Des voies régulières renforcent la protection, "sous conditions"',
        conditions: 'Si les inspections suivent',
        confidence: 'medium',
        incoherence: '',
      },
    });
  }
  return doc;
}

// A board with every card and link kind and every field filled, in French, Spanish and Nepali,
// for the plan's round-trip and export tests.
import * as Y from 'yjs';
import {
  type Author,
  addCard,
  addLink,
  type CardStatus,
  markJoined,
  markLeft,
  migrateBoard,
  recordAdoption,
  recordValidation,
  updateCard,
  updateMeta,
} from '../../../shared/model/index.ts';

export const AMINA: Author = { id: 'author-amina', name: 'Amina Diallo', group: 'migrant-or-diaspora-association' };
export const JOSE: Author = { id: 'author-jose', name: 'José Núñez', group: 'government-local' };
export const SITA: Author = { id: 'author-sita', name: 'सीता श्रेष्ठ', group: 'civil-society' };

export const T0 = Date.UTC(2026, 2, 3, 9, 30, 0, 125);
const minutes = (n: number) => T0 + n * 60_000;

export const FULL_BOARD_IDS = {
  objective: 'objective-01',
  target107: 'target-10-7',
  target88: 'target-08-8',
  intervention: 'intervention-01',
  actor: 'actor-ministry',
  note: 'note-0000001',
  frame: 'frame-000001',
  contributesObjective: 'link-contrib-obj',
  contributesIntervention: 'link-contrib-int',
  implements: 'link-implements',
  interaction: 'link-interaction',
  interactionBack: 'link-interaction-back',
} as const;

export interface FullBoard {
  doc: Y.Doc;
  ids: typeof FULL_BOARD_IDS;
}

/** Every item gets `status`; the ids are fixed so that tests can name them. */
export function buildFullBoard(status: CardStatus = 'agreed'): FullBoard {
  const doc = new Y.Doc();
  migrateBoard(doc);
  updateMeta(doc, {
    title: 'Plan d’acción migratoria — आप्रवासी समावेशन',
    level: 'national',
    territory: 'Région Île-de-France / Provincia de Málaga / काठमाडौं',
    startDate: '2026-03-03',
    endDate: '2026-03-05',
    periodStart: '2026-07-01',
    periodEnd: '2030-06-30',
  });
  // Who took part: Amina facilitated, José and a ministry that wrote nothing took part, a journalist
  // watched. Sita's work predates the attendance record: she is known as an author only.
  markJoined(doc, { personId: AMINA.id, name: AMINA.name, group: AMINA.group, role: 'facilitator' }, minutes(0));
  markJoined(doc, { personId: JOSE.id, name: JOSE.name, group: JOSE.group, role: 'participant' }, minutes(2));
  markJoined(
    doc,
    { personId: 'person-ministry', name: 'Ministère du Travail', group: 'government-national', role: 'participant' },
    minutes(3),
  );
  markJoined(
    doc,
    {
      personId: 'person-press',
      name: 'Radio Koshi',
      group: 'other',
      groupDetail: 'Radio communautaire',
      role: 'viewer',
    },
    minutes(4),
  );
  markLeft(doc, 'person-ministry', minutes(63));
  markLeft(doc, 'person-press', minutes(34));
  const ids = FULL_BOARD_IDS;
  addCard(
    doc,
    {
      id: ids.objective,
      kind: 'objective',
      x: 10,
      y: 20,
      status,
      author: AMINA,
      fields: {
        title: 'Intégrer les migrants au marché du travail',
        description: 'Réduire de moitié le chômage des आप्रवासी d’ici 2030.',
      },
    },
    undefined,
    minutes(1),
  );
  addCard(
    doc,
    {
      id: ids.target88,
      kind: 'target',
      x: 300.5,
      y: 400,
      w: 230,
      h: 135,
      status,
      author: JOSE,
      fields: {
        code: '8.8',
        migrationCrossCutting: true,
        crossCuttingNote: 'Trabajadores migrantes, en particular las mujeres',
      },
    },
    undefined,
    minutes(2),
  );
  addCard(
    doc,
    {
      id: ids.target107,
      kind: 'target',
      x: 10,
      y: 400,
      status,
      author: JOSE,
      fields: { code: '10.7', migrationCrossCutting: false, crossCuttingNote: 'Migration sûre, ordonnée et régulière' },
    },
    undefined,
    minutes(3),
  );
  addCard(
    doc,
    {
      id: ids.intervention,
      kind: 'intervention',
      x: 10,
      y: 800,
      status,
      author: SITA,
      fields: {
        title: 'Guichet unique pour les आप्रवासी',
        description: 'Un guichet unique d’information et d’orientation, en français, español et नेपाली.',
        type: 'mainstreaming-into-development-programming',
        sector: 'employment',
        rationale: 'Les migrants perdent des mois à chercher l’information; «ventanilla única» ya probada en Málaga.',
        actors: [
          { name: 'Ministère du Travail', role: 'lead', tasks: 'Piloter, recruter le personnel' },
          { name: 'Asociación de Nepalíes', role: 'partner', tasks: 'सूचना प्रसार, traducción' },
        ],
        startDate: '2026-09-01',
        endDate: '2028-08-31',
        milestones: [
          { date: '2027-01-15', description: 'Ouverture du premier guichet' },
          { date: '2027-12-01', description: 'Évaluation à mi-parcours' },
        ],
        expectedOutcomes: 'Délai d’accès à l’emploi réduit de 30 %',
        expectedOutputs: '3 guichets ouverts; 5 000 personnes orientées',
        supportingActivities: [
          { kind: 'training', description: 'Formation interculturelle du personnel' },
          { kind: 'advocacy', description: 'Campagne «Tu derecho a saber»' },
        ],
        resourcesRequired: '6 agents, locaux, interprètes (नेपाली, español)',
        funding: [
          { amount: 450000, currency: 'EUR', source: 'domestic-budget', arrangement: 'Budget annuel du ministère' },
          {
            amount: 120000.5,
            currency: 'USD',
            source: 'diaspora-or-remittance-based',
            arrangement: 'Fondo de la diáspora',
          },
        ],
        indicators: [
          {
            indicator: 'Nombre de personnes orientées',
            meansOfVerification: 'Registre du guichet',
            reporter: 'Ministère du Travail',
          },
        ],
      },
    },
    undefined,
    minutes(4),
  );
  addCard(
    doc,
    {
      id: ids.actor,
      kind: 'actor',
      x: -400,
      y: 800,
      status,
      author: JOSE,
      fields: { name: 'Ministerio de Trabajo', group: 'government-national', description: 'Dirección de migraciones' },
    },
    undefined,
    minutes(5),
  );
  addCard(
    doc,
    {
      id: ids.note,
      kind: 'note',
      x: 900,
      y: 0,
      status,
      author: AMINA,
      fields: { text: 'Idée: cours de langue', colour: '#a5d6a7' },
    },
    undefined,
    minutes(6),
  );
  addCard(
    doc,
    { id: ids.frame, kind: 'frame', x: -500, y: -100, status, author: AMINA, fields: { title: 'Emploi' } },
    undefined,
    minutes(7),
  );
  addLink(
    doc,
    {
      id: ids.contributesObjective,
      kind: 'contributes',
      from: ids.objective,
      to: ids.target88,
      status,
      author: AMINA,
      fields: { note: 'Droits des travailleurs migrants' },
    },
    undefined,
    minutes(8),
  );
  addLink(
    doc,
    {
      id: ids.contributesIntervention,
      kind: 'contributes',
      from: ids.intervention,
      to: ids.target107,
      status,
      author: SITA,
      fields: { note: 'Facilite une migration ordonnée' },
    },
    undefined,
    minutes(9),
  );
  addLink(
    doc,
    {
      id: ids.implements,
      kind: 'implements',
      from: ids.actor,
      to: ids.intervention,
      status,
      author: JOSE,
      fields: { role: 'funder', tasks: 'Financer les locaux; coordonner' },
    },
    undefined,
    minutes(10),
  );
  addLink(
    doc,
    {
      id: ids.interaction,
      kind: 'interaction',
      from: ids.target107,
      to: ids.target88,
      status,
      author: SITA,
      fields: {
        score: 2,
        rationale: 'Des voies régulières renforcent la protection des travailleurs',
        conditions: 'Si les inspections du travail suivent, "sin excepción"',
        confidence: 'high',
        incoherence: '',
      },
    },
    undefined,
    minutes(11),
  );
  addLink(
    doc,
    {
      id: ids.interactionBack,
      kind: 'interaction',
      from: ids.target88,
      to: ids.target107,
      status,
      author: AMINA,
      fields: {
        score: -1,
        rationale: 'Des normes strictes limitent, a corto plazo, les recrutements',
        conditions: 'Pendant la transition, आप्रवासी कामदार',
        confidence: 'low',
        incoherence: 'vertical',
      },
    },
    undefined,
    minutes(12),
  );
  // An edit after creation, so that createdAt and updatedAt differ on at least one card.
  updateCard(
    doc,
    ids.intervention,
    { fields: { expectedOutcomes: 'Délai d’accès à l’emploi réduit de 30 %' } },
    undefined,
    minutes(30),
  );
  // The walk-through agreed the intervention, with the checks the facilitator ticked.
  recordValidation(doc, ids.intervention, {
    checks: { targets: true, timeframe: true, budget: false },
    decision: 'agreed',
    by: 'Amina Diallo',
    at: minutes(45),
    comment: 'Validé en plénière — सर्वसम्मत',
  });
  recordAdoption(
    doc,
    {
      body: 'Conseil régional — प्रदेश सभा',
      date: '2026-04-20',
      reference: 'Délibération n° 2026-118',
      note: 'Adopté à l’unanimité.',
      recordedBy: 'Amina Diallo',
    },
    undefined,
    minutes(90),
  );
  return { doc, ids };
}

// The facilitation features' pure parts: mentions, who took part and by which group, unread
// comments, what a vote is on, and views shared between screens of different sizes.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  findMentions,
  insertMention,
  mentionQuery,
  splitMentions,
  suggestMentions,
} from '../../client/facilitation/mentions.ts';
import { contributions, formatDuration, knownPeople, participationByGroup } from '../../client/facilitation/people.ts';
import { ReadMarks, unreadItems } from '../../client/facilitation/readMarks.ts';
import { shareableView, stageViewport } from '../../client/facilitation/views.ts';
import { voteItems } from '../../client/facilitation/voteScope.ts';
import {
  type Attendance,
  type Author,
  addCard,
  addComment,
  addLink,
  castVotes,
  listCards,
  listLinks,
  startVote,
} from '../../shared/model/index.ts';

const ANA: Author = { id: 'ana-id-0001', name: 'Ana Silva', group: 'civil-society' };
const BEN: Author = { id: 'ben-id-0001', name: 'Ben', group: 'academia' };
const ADA: Author = { id: 'ada-id-0001', name: 'Ada', group: 'government-local' };
const colour = () => '#000000';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('mentions', () => {
  const people = [ANA, BEN, ADA];

  it('knows an @ being typed at the caret, and not an e-mail address or a finished line', () => {
    expect(mentionQuery('Hello @An', 9)).toEqual({ start: 6, query: 'An' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('mail ana@example.org', 20)).toBeNull();
    expect(mentionQuery('@Ana\nnext', 9)).toBeNull();
  });

  it('suggests names starting with what is typed first, then names containing it', () => {
    expect(suggestMentions(people, 'a').map((p) => p.name)).toEqual(['Ana Silva', 'Ada']);
    expect(suggestMentions(people, 'silv').map((p) => p.name)).toEqual(['Ana Silva']);
    expect(suggestMentions(people, 'en').map((p) => p.name)).toEqual(['Ben']);
  });

  it('inserts the chosen name in place of what was typed, caret after it', () => {
    expect(insertMention('Hi @an, see', 3, 6, 'Ana Silva')).toEqual({ text: 'Hi @Ana Silva , see', caret: 14 });
  });

  it('finds the people a comment mentions, longest names first, each once', () => {
    const both = [...people, { id: 'anna', name: 'Ana' }];
    expect(findMentions('@Ana Silva and @Ben, and @Ana Silva again; mail x@Ben', both)).toEqual([ANA.id, BEN.id]);
    expect(findMentions('@Ana is here', both)).toEqual(['anna']);
    expect(findMentions('@Benjamin', both)).toEqual([]);
    expect(splitMentions('Hi @ada!', people)).toEqual([{ text: 'Hi ' }, { text: '@ada', person: ADA }, { text: '!' }]);
  });
});

describe('who took part', () => {
  function board() {
    const doc = new Y.Doc();
    const a = addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ANA });
    const t = addCard(doc, { kind: 'target', x: 0, y: 0, author: ANA, fields: { code: '10.7' } });
    addLink(doc, { kind: 'contributes', from: a, to: t, author: BEN });
    addComment(doc, { type: 'card', id: a }, { author: ADA, text: 'Budget?' });
    startVote(doc, { id: 'v1', title: 'V', items: [{ type: 'card', id: a }], perPerson: 3 });
    // Revealed dots, as the reveal writes them onto the item.
    castVotes(doc, { type: 'card', id: a }, `v1:${BEN.id}`, 2);
    castVotes(doc, { type: 'card', id: a }, 'v1:unknown-voter', 1);
    return doc;
  }

  it('lists the people online first, then every author, commenter and voter', () => {
    const doc = board();
    const online = [{ clientId: 7, id: BEN.id, name: 'Ben B.', group: 'academia', colour: '#111111' }];
    const people = knownPeople(listCards(doc), listLinks(doc), online, colour);
    expect(people.map((p) => [p.name, p.online])).toEqual([
      ['Ben B.', true],
      ['Ada', false],
      ['Ana Silva', false],
      ['Someone', false],
    ]);
    expect(people[0]?.clientIds).toEqual([7]);
  });

  it('sums cards, links and dots by stakeholder group, showing groups nobody spoke for', () => {
    const doc = board();
    const people = knownPeople(listCards(doc), listLinks(doc), [], colour);
    const byPerson = contributions(listCards(doc), listLinks(doc));
    expect(byPerson.get(ANA.id)).toEqual({ cards: 2, links: 0, comments: 0, votes: 0 });
    expect(byPerson.get(BEN.id)).toEqual({ cards: 0, links: 1, comments: 0, votes: 2 });
    const rows = participationByGroup(people, byPerson);
    const row = (g: string) => rows.find((r) => r.group === g);
    expect(row('civil-society')).toMatchObject({ people: 1, cards: 2, links: 0, votes: 0 });
    expect(row('academia')).toMatchObject({ people: 1, links: 1, votes: 2 });
    expect(row('government-local')).toMatchObject({ people: 1, cards: 0, comments: 1 });
    expect(row('private-sector')).toMatchObject({ people: 0, cards: 0, links: 0, votes: 0 });
    expect(row('unknown')).toMatchObject({ people: 1, votes: 1 });
  });
});

describe('who took part, as the server recorded it', () => {
  const record = (personId: string, name: string, fields: Partial<Attendance> = {}): Attendance => ({
    personId,
    name,
    group: 'civil-society',
    groupDetail: '',
    role: 'participant',
    firstJoined: 1_000,
    lastSeen: 2_000,
    secondsConnected: 60,
    connectedSince: null,
    ...fields,
  });

  it('lists everyone recorded, also those who wrote nothing, with their role and record', () => {
    const doc = new Y.Doc();
    addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA });
    const attendance = [
      record(ANA.id, 'Ana S.'),
      record('silent-0001', 'Sita', { group: 'other', groupDetail: 'Farmers’ cooperative' }),
      record('viewer-0001', 'Vic', { role: 'viewer', group: 'media' }),
    ];
    const online = [{ clientId: 3, id: 'viewer-0001', name: 'Vic', group: 'media', colour: '#111111' }];
    const people = knownPeople(listCards(doc), listLinks(doc), online, colour, attendance);
    expect(people.map((p) => [p.name, p.role, p.online])).toEqual([
      ['Vic', 'viewer', true],
      ['Ana S.', 'participant', false],
      ['Sita', 'participant', false],
    ]);
    expect(people.find((p) => p.name === 'Sita')).toMatchObject({
      group: 'other',
      groupDetail: 'Farmers’ cooperative',
      attendance: { secondsConnected: 60 },
    });
  });

  it('counts observers apart from the groups, and names the groups people gave as Other', () => {
    const people = knownPeople([], [], [], colour, [
      record('a', 'A', { group: 'other', groupDetail: 'Farmers’ cooperative' }),
      record('b', 'B', { group: 'other', groupDetail: 'Farmers’ cooperative' }),
      record('c', 'C', { group: 'other', groupDetail: 'Teachers’ union' }),
      record('d', 'D', { group: 'development-partner' }),
      record('v', 'V', { group: 'media', role: 'viewer' }),
    ]);
    const rows = participationByGroup(people, new Map());
    const row = (g: string) => rows.find((r) => r.group === g);
    expect(row('other')).toMatchObject({ people: 3, details: ['Farmers’ cooperative', 'Teachers’ union'] });
    // A group that merged into another is counted with it.
    expect(row('international-organisation')).toMatchObject({ people: 1 });
    // The observer is not counted: they could not have spoken on the board.
    expect(row('media')).toMatchObject({ people: 0 });
  });

  it('says how long in words short enough for the panel', () => {
    expect([0, 1, 59, 60, 61, 135].map(formatDuration)).toEqual([
      '< 1 min',
      '1 min',
      '59 min',
      '1 h',
      '1 h 1 min',
      '2 h 15 min',
    ]);
  });
});

describe('unread comments', () => {
  it('counts others’ comments not yet read, flags mentions, and remembers what was read', () => {
    const doc = new Y.Doc();
    const card = addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA });
    addComment(doc, { type: 'card', id: card }, { author: ANA, text: 'Mine' });
    const theirs = addComment(
      doc,
      { type: 'card', id: card },
      { author: BEN, text: '@Ana Silva look', mentions: [ANA.id] },
    );
    const storage = memoryStorage();
    const marks = new ReadMarks('k', storage);
    expect(unreadItems(listCards(doc), [], ANA.id, marks)).toEqual([
      { type: 'card', id: card, unread: 1, mentionsMe: true },
    ]);
    marks.markRead([theirs]);
    expect(unreadItems(listCards(doc), [], ANA.id, marks)).toEqual([]);
    expect(new ReadMarks('k', storage).has(theirs)).toBe(true);
  });
});

describe('what a vote is on', () => {
  it('takes every intervention, the cards inside a selected frame, or the selection, in reading order', () => {
    const doc = new Y.Doc();
    const lower = addCard(doc, { kind: 'intervention', x: 0, y: 500, author: ANA });
    const upper = addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ANA });
    const frame = addCard(doc, { kind: 'frame', x: -50, y: 400, w: 600, h: 400, author: ANA });
    const note = addCard(doc, { kind: 'note', x: 300, y: 450, author: ANA });
    const cards = new Map(listCards(doc).map((c) => [c.id, c]));
    const none = { cards: [], links: [] };
    expect(voteItems('interventions', cards, new Map(), none).map((r) => r.id)).toEqual([upper, lower]);
    expect(voteItems('frame', cards, new Map(), { cards: [frame], links: [] }).map((r) => r.id)).toEqual([note, lower]);
    expect(voteItems('frame', cards, new Map(), none)).toEqual([]);
    expect(voteItems('selection', cards, new Map(), { cards: [lower, frame, upper], links: [] })).toEqual([
      { type: 'card', id: upper },
      { type: 'card', id: lower },
    ]);
  });
});

describe('shared views', () => {
  it('shows the same board point at the centre at the same zoom on screens of any size', () => {
    const view = shareableView({ x: 100, y: 50, scale: 2 }, { width: 1000, height: 600 });
    expect(view).toEqual({ x: 200, y: 125, zoom: 2 });
    const other = stageViewport(view, { width: 400, height: 300 });
    expect(shareableView(other, { width: 400, height: 300 })).toEqual(view);
  });
});

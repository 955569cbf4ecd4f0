// What an agreed plan holds: the rule that makes the plan follow the mapping. Agreeing an
// intervention agrees what it stands on, so nobody clicks through its links one by one:
//
//   1. every agreed objective, target, intervention and actor (a target only with a catalogue code);
//   2. for each agreed intervention or objective, the targets it contributes to; for each agreed
//      intervention, the actors that implement it;
//   3. the objectives that address a target of the plan (they say what the plan's targets serve);
//   4. every link whose two cards are in the plan: the contributions and implementations above,
//      and the scored interactions between the plan's targets and interventions.
//
// Items brought in by 2 to 4 keep their own status, which every export shows beside them.
// Notes and frames are working material and never in a plan. Pure: cards and links in, ids out.
import { type Card, LINK_ENDS, type Link } from '../model/index.ts';
import { getTarget } from '../sdg/catalogue.ts';

export interface PlanScope {
  cards: ReadonlySet<string>;
  links: ReadonlySet<string>;
}

const PLAN_CARD_KINDS: ReadonlySet<string> = new Set(['objective', 'target', 'intervention', 'actor']);

/** A card a plan can hold: a plan kind, and for a target a code the SDG catalogue knows. */
export function isPlanCard(card: Card): boolean {
  return PLAN_CARD_KINDS.has(card.kind) && (card.kind !== 'target' || getTarget(card.fields.code) !== undefined);
}

/** A link whose ends are of the kinds its kind joins (addLink enforces it, a remote client need not). */
export function joinsKinds(link: Link, cards: ReadonlyMap<string, Card>): boolean {
  const ends = LINK_ENDS[link.kind];
  const from = cards.get(link.from)?.kind;
  const to = cards.get(link.to)?.kind;
  return (
    from !== undefined &&
    to !== undefined &&
    link.from !== link.to &&
    (ends.from as readonly string[]).includes(from) &&
    (ends.to as readonly string[]).includes(to)
  );
}

/** The agreed plan's cards and links (the rule above). */
export function agreedScope(allCards: readonly Card[], allLinks: readonly Link[]): PlanScope {
  const cards = new Map<string, Card>();
  for (const card of allCards) if (isPlanCard(card)) cards.set(card.id, card);
  const links = allLinks.filter((link) => joinsKinds(link, cards));
  const inPlan = new Set<string>();
  for (const card of cards.values()) if (card.status === 'agreed') inPlan.add(card.id);
  const agreed = (id: string) => cards.get(id)?.status === 'agreed';
  // 2: what each agreed intervention or objective stands on.
  for (const link of links) {
    if (link.kind === 'contributes' && agreed(link.from)) inPlan.add(link.to);
    if (link.kind === 'implements' && agreed(link.to) && cards.get(link.to)?.kind === 'intervention') {
      inPlan.add(link.from);
    }
  }
  // 3: the objectives that address the plan's targets.
  for (const link of links) {
    if (link.kind === 'contributes' && cards.get(link.from)?.kind === 'objective' && inPlan.has(link.to)) {
      inPlan.add(link.from);
    }
  }
  // 4: every link between two cards of the plan.
  const linkIds = new Set<string>();
  for (const link of links) if (inPlan.has(link.from) && inPlan.has(link.to)) linkIds.add(link.id);
  return { cards: inPlan, links: linkIds };
}

/** Every plan card and every well-joined link ("include all items"). */
export function fullScope(allCards: readonly Card[], allLinks: readonly Link[]): PlanScope {
  const cards = new Map<string, Card>();
  for (const card of allCards) if (isPlanCard(card)) cards.set(card.id, card);
  const links = new Set(allLinks.filter((link) => joinsKinds(link, cards)).map((l) => l.id));
  return { cards: new Set(cards.keys()), links };
}

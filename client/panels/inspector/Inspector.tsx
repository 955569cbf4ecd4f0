// The inspector: every field of the one selected card or link, edited in place and live. Text
// fields are bound to their Y.Text so that several people can type in them at once; the rest
// are written as they change. For a viewer everything is shown read-only.
import { type ReactNode, useSyncExternalStore } from 'react';
import {
  type Author,
  CARD_FIELDS,
  type Card,
  type CardOf,
  cardLock,
  cardTitle,
  type FieldSpecs,
  type ItemLock,
  type ItemRef,
  LINK_FIELDS,
  type Link,
  linkLock,
  stakeholderGroupLabel,
} from '../../../shared/model/index.ts';
import { getGoal, getTarget, textColourOn } from '../../../shared/sdg/catalogue.ts';
import { COLOURS } from '../../canvas/theme.ts';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import type { ToolContext } from '../../tools/context.ts';
import { CARD_KIND_LABELS, LINK_KIND_LABELS } from '../../tools/kindLabels.ts';
import { itemsLocks, lockText } from '../../tools/lockText.ts';
import { LockIcon } from '../facilitation/facilitationIcons.tsx';
import { EyeIcon } from '../icons.tsx';
import { keepKeysInPanel } from '../panelKeys.ts';
import { ArrowRightIcon, ChevronRightIcon } from '../planIcons.tsx';
import { DecisionStatus } from './DecisionStatus.tsx';
import { Field, FieldForm } from './FieldForm.tsx';
import { MultiSelection, NothingSelected } from './InspectorOverview.tsx';
import { ScoreControl, STATUS_LABELS, StatusControl } from './itemControls.tsx';
import '../../styles/panels.css';

const KIND_COLOURS: Record<Exclude<Card['kind'], 'target' | 'note'>, string> = {
  intervention: COLOURS.intervention,
  objective: COLOURS.objective,
  actor: COLOURS.actor,
  frame: '#64748B',
};

function cardColour(card: Card): string {
  if (card.kind === 'target') return getGoal(getTarget(card.fields.code)?.goal ?? 0)?.colour ?? '#94A3B8';
  if (card.kind === 'note') return card.fields.colour;
  return KIND_COLOURS[card.kind];
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function when(ms: number): string {
  return ms > 0 ? dateTime.format(new Date(ms)) : '';
}

function groupLabel(group: string): string {
  // A legacy group reads as the one it merged into; an author keeps no own words for "Other".
  return group === '' ? '' : stakeholderGroupLabel(group);
}

function Provenance({ author, createdAt, updatedAt }: { author: Author; createdAt: number; updatedAt: number }) {
  const group = groupLabel(author.group);
  return (
    <p className="inspector-meta">
      Added by <strong>{author.name || 'someone'}</strong>
      {group && ` (${group})`}
      {createdAt > 0 && `, ${when(createdAt)}`}
      {updatedAt > createdAt && (
        <>
          <br />
          Last changed {when(updatedAt)}
        </>
      )}
    </p>
  );
}

interface HeadProps {
  chip: string;
  /** The kind's colour; none for the overview. */
  colour?: string;
  title: string;
}

function Head({ chip, colour, title }: HeadProps) {
  const hide = useInspectorHidden()[1];
  return (
    <header className="inspector-head">
      <div className="inspector-head-text">
        <span className="kind-chip">
          {colour && <span className="kind-dot" style={{ background: colour }} aria-hidden="true" />}
          {chip}
        </span>
        <h2 className="inspector-heading" data-testid="inspector-title">
          {title}
        </h2>
      </div>
      <button
        type="button"
        className="icon-button icon-button-small"
        onClick={() => hide(true)}
        aria-label="Hide the inspector"
        title="Hide the inspector"
      >
        <ChevronRightIcon />
      </button>
    </header>
  );
}

function TargetDetails({ ctx, card }: { ctx: ToolContext; card: CardOf<'target'> }) {
  const target = getTarget(card.fields.code);
  const goal = target ? getGoal(target.goal) : undefined;
  const ref: ItemRef = { type: 'card', id: card.id };
  const specs = CARD_FIELDS.target;
  if (!target || !goal) {
    return <p className="form-error">There is no SDG target “{card.fields.code}” in the catalogue.</p>;
  }
  return (
    <>
      <div className="target-box" style={{ borderColor: goal.colour }}>
        <div className="target-box-head" style={{ background: goal.colour, color: textColourOn(goal.colour) }}>
          <span className="target-box-code">{target.code}</span>
          <span>
            Goal {goal.number} · {goal.short}
          </span>
        </div>
        <p className="target-box-text" data-testid="target-official-text">
          {target.text}
        </p>
        <p className="target-box-source">Official text, A/RES/71/313</p>
      </div>
      {target.migrationExplicit ? (
        <p className="flag flag-migration" data-testid="migration-explicit">
          <strong>Migration-explicit target.</strong> It concerns migrants, migration, remittances, student mobility or
          human trafficking in its own words.
        </p>
      ) : (
        <div className="field-form">
          <Field
            ctx={ctx}
            item={ref}
            name="migrationCrossCutting"
            spec={specs.migrationCrossCutting}
            value={card.fields.migrationCrossCutting}
          />
          {card.fields.migrationCrossCutting && (
            <Field
              ctx={ctx}
              item={ref}
              name="crossCuttingNote"
              spec={specs.crossCuttingNote}
              value={card.fields.crossCuttingNote}
            />
          )}
        </div>
      )}
    </>
  );
}

function linkLabel(link: Link): string {
  if (link.kind === 'interaction') {
    const s = link.fields.score;
    return s > 0 ? `+${s}` : s < 0 ? `−${-s}` : '0';
  }
  return LINK_KIND_LABELS[link.kind].toLowerCase();
}

/** The card's links, each one click away. */
function Connections({ card, items }: { card: Card; items: BoardItems }) {
  const links = [...items.links.values()].filter((l) => l.from === card.id || l.to === card.id);
  if (links.length === 0) return null;
  const select = useBoardStore.getState().select;
  return (
    <section className="connections" aria-label="Links">
      <h3 className="field-label">Links</h3>
      <ul className="connection-list">
        {links.map((link) => {
          const outgoing = link.from === card.id;
          const other = items.cards.get(outgoing ? link.to : link.from);
          if (!other) return null;
          return (
            <li key={link.id}>
              <button
                type="button"
                className="connection-item"
                data-testid={`connection-${link.id}`}
                onClick={() => select({ type: 'link', id: link.id }, false)}
              >
                <span className={`connection-kind connection-${link.kind}`}>{linkLabel(link)}</span>
                <span className="connection-dir" aria-hidden="true">
                  {outgoing ? '→' : '←'}
                </span>
                <span className="visually-hidden">{outgoing ? 'to' : 'from'}</span>
                <span className="connection-other">{cardTitle(other) || CARD_KIND_LABELS[other.kind]}</span>
                <span className={`status-dot status-dot-${link.status}`} title={STATUS_LABELS[link.status]} />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function CardInspector({ ctx, card, items }: { ctx: ToolContext; card: Card; items: BoardItems }) {
  const ref: ItemRef = { type: 'card', id: card.id };
  const specs: FieldSpecs = CARD_FIELDS[card.kind];
  const names = card.kind === 'target' ? [] : Object.keys(specs);
  const title = cardTitle(card) || `Untitled ${CARD_KIND_LABELS[card.kind].toLowerCase()}`;
  const lock = ctx.underLocks ? cardLock(itemsLocks(items), card.id) : null;
  return (
    <>
      <Head chip={CARD_KIND_LABELS[card.kind]} colour={cardColour(card)} title={title} />
      <div className="inspector-body">
        {lock ? <LockNote lock={lock} items={items} /> : !ctx.canEdit && <ViewOnly />}
        {card.kind === 'target' && <TargetDetails ctx={ctx} card={card} />}
        <StatusControl ctx={ctx} item={ref} status={card.status} />
        <DecisionStatus card={card} />
        {names.length > 0 && (
          <FieldForm ctx={ctx} item={ref} specs={specs} values={card.fields as Record<string, unknown>} names={names} />
        )}
        <Connections card={card} items={items} />
        <Provenance author={card.author} createdAt={card.createdAt} updatedAt={card.updatedAt} />
      </div>
    </>
  );
}

function EndButton({ card, label }: { card: Card | undefined; label: string }) {
  if (!card) return <span className="link-end link-end-missing">{label}: missing card</span>;
  return (
    <button
      type="button"
      className="link-end"
      title={`Select ${cardTitle(card) || CARD_KIND_LABELS[card.kind]}`}
      onClick={() => useBoardStore.getState().select({ type: 'card', id: card.id }, false)}
    >
      <span className="kind-dot" style={{ background: cardColour(card) }} aria-hidden="true" />
      <span className="link-end-kind">{CARD_KIND_LABELS[card.kind]}</span>
      <span className="link-end-title">{cardTitle(card) || 'Untitled'}</span>
    </button>
  );
}

function LinkInspector({ ctx, link, items }: { ctx: ToolContext; link: Link; items: BoardItems }) {
  const ref: ItemRef = { type: 'link', id: link.id };
  const specs: FieldSpecs = LINK_FIELDS[link.kind];
  const from = items.cards.get(link.from);
  const to = items.cards.get(link.to);
  const name = (c: Card | undefined) => (c ? cardTitle(c) || CARD_KIND_LABELS[c.kind] : '?');
  const colour = link.kind === 'implements' ? COLOURS.implements : COLOURS.contributes;
  const custom =
    link.kind === 'interaction'
      ? { score: <ScoreControl key="score" ctx={ctx} item={ref} score={link.fields.score} /> }
      : undefined;
  const lock = ctx.underLocks ? linkLock(itemsLocks(items), link) : null;
  return (
    <>
      <Head chip={`${LINK_KIND_LABELS[link.kind]} link`} colour={colour} title={`${name(from)} → ${name(to)}`} />
      <div className="inspector-body">
        {lock ? <LockNote lock={lock} items={items} /> : !ctx.canEdit && <ViewOnly />}
        <div className="link-ends">
          <EndButton card={from} label="From" />
          <ArrowRightIcon />
          <EndButton card={to} label="To" />
        </div>
        <StatusControl ctx={ctx} item={ref} status={link.status} />
        <FieldForm
          ctx={ctx}
          item={ref}
          specs={specs}
          values={link.fields as Record<string, unknown>}
          names={Object.keys(specs)}
          custom={custom}
        />
        <Provenance author={link.author} createdAt={link.createdAt} updatedAt={link.updatedAt} />
      </div>
    </>
  );
}

/** Why a participant cannot change (or cannot delete) this item: the agreement's lock. */
function LockNote({ lock, items }: { lock: ItemLock; items: BoardItems }) {
  const { title, detail } = lockText(lock, items.cards);
  return (
    <p
      className={`inspector-lock${lock.reason === 'held' ? ' inspector-lock-held' : ''}`}
      data-testid="inspector-lock"
      data-lock={lock.reason}
    >
      <LockIcon />
      <span>
        <strong>{title}.</strong> {detail}
      </span>
    </p>
  );
}

function ViewOnly() {
  return (
    <p className="inspector-viewonly">
      <EyeIcon />
      <span>View only: you can read every field but not change it.</span>
    </p>
  );
}

const HIDDEN_KEY = 'sdg-board:inspector-hidden';
const hiddenListeners = new Set<() => void>();

function readHidden(): boolean {
  try {
    return localStorage.getItem(HIDDEN_KEY) === '1';
  } catch {
    return false;
  }
}

/** Whether the person has hidden the inspector, remembered in this browser. */
function useInspectorHidden(): [boolean, (hidden: boolean) => void] {
  const hidden = useSyncExternalStore((listener) => {
    hiddenListeners.add(listener);
    return () => hiddenListeners.delete(listener);
  }, readHidden);
  const set = (next: boolean) => {
    try {
      localStorage.setItem(HIDDEN_KEY, next ? '1' : '0');
    } catch {
      // Private mode: the choice lasts until the page is left.
    }
    for (const listener of hiddenListeners) listener();
  };
  return [hidden, set];
}

/**
 * The right-hand panel. It is always there (unless hidden), so that selecting never changes the
 * canvas's size under the pointer: one item selected shows all its fields, several their shared
 * status, none the plan's progress.
 */
export function Inspector({ ctx, items }: { ctx: ToolContext; items: BoardItems }) {
  const [hidden, setHidden] = useInspectorHidden();
  const selectedCards = useBoardStore((s) => s.selectedCards);
  const selectedLinks = useBoardStore((s) => s.selectedLinks);
  if (hidden) {
    return (
      <div className="inspector-rail">
        <button
          type="button"
          className="rail-toggle"
          onClick={() => setHidden(false)}
          aria-label="Show the inspector"
          data-testid="show-inspector"
        >
          Inspector
        </button>
      </div>
    );
  }
  const count = selectedCards.length + selectedLinks.length;
  const card = count === 1 && selectedCards[0] ? items.cards.get(selectedCards[0]) : undefined;
  const link = count === 1 && selectedLinks[0] ? items.links.get(selectedLinks[0]) : undefined;
  let content: ReactNode;
  if (card) content = <CardInspector key={card.id} ctx={ctx} card={card} items={items} />;
  else if (link) content = <LinkInspector key={link.id} ctx={ctx} link={link} items={items} />;
  else if (count > 1) {
    content = (
      <>
        <Head chip="Selection" title={`${count} items selected`} />
        <MultiSelection ctx={ctx} items={items} cardIds={selectedCards} linkIds={selectedLinks} />
      </>
    );
  } else {
    content = (
      <>
        <Head chip="Inspector" title="Nothing selected" />
        <NothingSelected items={items} />
      </>
    );
  }
  return (
    <aside className="inspector-panel" aria-label="Inspector" data-testid="inspector" onKeyDown={keepKeysInPanel}>
      {content}
    </aside>
  );
}

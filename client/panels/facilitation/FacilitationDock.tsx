// The facilitation panels beside the board (people, vote, walk-through, comments), one at a time,
// opened from the top bar.
import type { ReactNode } from 'react';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { useFacilitationContext } from '../../facilitation/context.ts';
import type { FacilitationPanel } from '../../facilitation/facilitationSlice.ts';
import { unreadItems, useReadMarks } from '../../facilitation/readMarks.ts';
import { useFacilitation } from '../../facilitation/useFacilitation.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { CloseIcon } from '../icons.tsx';
import { CommentsPanel } from './CommentsPanel.tsx';
import { ChecklistIcon, CommentIcon, DotsIcon, PeopleIcon } from './facilitationIcons.tsx';
import { PeoplePanel } from './PeoplePanel.tsx';
import { VotePanel } from './VotePanel.tsx';
import { WalkPanel } from './WalkPanel.tsx';
import '../../styles/facilitation.css';

const TITLES: Record<FacilitationPanel, string> = {
  people: 'People',
  vote: 'Dot vote',
  walk: 'Validation walk-through',
  comments: 'Comments',
};

export function FacilitationDock({ items }: { items: BoardItems }) {
  const panel = useBoardStore((s) => s.facilitationPanel);
  const setPanel = useBoardStore((s) => s.setFacilitationPanel);
  if (!panel) return null;
  return (
    <section
      className="fac-dock"
      role="dialog"
      aria-modal="false"
      aria-labelledby="fac-dock-heading"
      data-testid={`dock-${panel}`}
    >
      <header className="fac-dock-header">
        <h2 id="fac-dock-heading">{TITLES[panel]}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={`Close ${TITLES[panel].toLowerCase()}`}
          onClick={() => setPanel(null)}
        >
          <CloseIcon />
        </button>
      </header>
      <div className="fac-dock-body">
        {panel === 'people' && <PeoplePanel items={items} />}
        {panel === 'vote' && <VotePanel items={items} />}
        {panel === 'walk' && <WalkPanel items={items} />}
        {panel === 'comments' && <CommentsPanel items={items} />}
      </div>
    </section>
  );
}

function DockButton({
  panel,
  icon,
  label,
  badge,
}: {
  panel: FacilitationPanel;
  icon: ReactNode;
  label: string;
  badge?: ReactNode;
}) {
  const open = useBoardStore((s) => s.facilitationPanel === panel);
  const setPanel = useBoardStore((s) => s.setFacilitationPanel);
  return (
    <button
      type="button"
      className={`dock-button${open ? ' dock-button-open' : ''}`}
      aria-pressed={open}
      data-testid={`open-${panel}`}
      title={label}
      onClick={() => setPanel(open ? null : panel)}
    >
      {icon}
      <span className="dock-button-label">{label}</span>
      {badge}
    </button>
  );
}

/** The top bar's buttons for the panels, with the unread comment count and an open vote marked. */
export function DockButtons({ items }: { items: BoardItems }) {
  const { doc, me, workshopId } = useFacilitationContext();
  const f = useFacilitation(doc);
  const marks = useReadMarks(workshopId);
  const unread = unreadItems(items.cards.values(), items.links.values(), me.id, marks);
  const count = unread.reduce((n, u) => n + u.unread, 0);
  const mentioned = unread.some((u) => u.mentionsMe);
  return (
    <div className="dock-buttons">
      <DockButton panel="people" icon={<PeopleIcon />} label="People" />
      <DockButton
        panel="vote"
        icon={<DotsIcon />}
        label="Vote"
        badge={f.vote?.open ? <span className="dock-live" data-testid="vote-live" title="A vote is open" /> : undefined}
      />
      {f.phase === 'validate' && <DockButton panel="walk" icon={<ChecklistIcon />} label="Walk-through" />}
      <DockButton
        panel="comments"
        icon={<CommentIcon />}
        label="Comments"
        badge={
          count > 0 ? (
            <span
              className={`dock-count${mentioned ? ' dock-count-mention' : ''}`}
              data-testid="unread-comments"
              data-count={count}
              title={`${count} unread comment${count === 1 ? '' : 's'}${mentioned ? ', mentioning you' : ''}`}
            >
              {count}
            </span>
          ) : undefined
        }
      />
    </div>
  );
}

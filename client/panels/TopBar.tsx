// The bar above the board: workshop title and its details, your role and name, who is here, the
// connection.
import type { ReactNode } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { stakeholderGroupLabel } from '../../shared/model/vocabulary.ts';
import { ROLE_LABELS, type Role } from '../app/api.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { colourForId } from '../store/identity.ts';
import type { ConnectionStatusTracker } from '../sync/connectionStatus.ts';
import { Brand } from './Brand.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { EyeIcon, ShareIcon } from './icons.tsx';
import { PeopleList } from './PeopleList.tsx';

interface Props {
  title: string;
  role: Role;
  awareness: Awareness;
  tracker: ConnectionStatusTracker;
  canShare: boolean;
  /** Buttons for the whole board (export, import), before Invite. */
  actions?: ReactNode;
  /** The workshop's state for everyone (phase, timer), after the title. */
  status?: ReactNode;
  /** The workshop details button, right after the title. */
  details?: ReactNode;
}

export function TopBar({ title, role, awareness, tracker, canShare, actions, status, details }: Props) {
  const identity = useBoardStore((s) => s.identity);
  const shareOpen = useBoardStore((s) => s.shareOpen);
  const setShareOpen = useBoardStore((s) => s.setShareOpen);
  return (
    <header className="topbar">
      <div className="topbar-start">
        <a href="/" className="topbar-home" aria-label="SDG workshop board: start page">
          <Brand compact />
        </a>
        <h1 className="board-title" data-testid="board-title" title={title}>
          {title || 'Untitled workshop'}
        </h1>
        {details}
        <span className={`role-badge role-${role}`} data-testid="role-badge">
          {ROLE_LABELS[role]}
        </span>
        {role === 'viewer' && (
          <span className="view-only-badge" data-testid="view-only-badge">
            <EyeIcon />
            View only
          </span>
        )}
        {status}
      </div>
      <div className="topbar-end">
        <PeopleList awareness={awareness} />
        <ConnectionIndicator tracker={tracker} />
        <span
          className="me"
          title={identity.group ? stakeholderGroupLabel(identity.group, identity.groupDetail) : undefined}
          data-testid="my-name"
        >
          <span className="me-dot" style={{ background: colourForId(identity.id) }} aria-hidden="true" />
          {identity.name}
        </span>
        {actions}
        {canShare && (
          <button
            type="button"
            className="button button-primary button-compact"
            aria-pressed={shareOpen}
            onClick={() => setShareOpen(!shareOpen)}
          >
            <ShareIcon />
            <span>Invite</span>
          </button>
        )}
      </div>
    </header>
  );
}

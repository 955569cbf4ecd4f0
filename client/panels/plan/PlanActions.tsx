// The plan's buttons in the top bar: Export for everyone, Import for facilitators.
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { WorkshopSession } from '../../app/api.ts';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { UploadIcon } from '../planIcons.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import '../../styles/panels.css';

interface Props {
  session: WorkshopSession;
  token: string;
  title: string;
  items: BoardItems;
}

export function PlanActions({ session, token, title, items }: Props) {
  const [importing, setImporting] = useState(false);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  return (
    <>
      <ExportMenu workshopId={session.id} token={token} title={title} cards={() => itemsRef.current.cards.values()} />
      {session.role === 'facilitator' && (
        <button
          type="button"
          className="button button-secondary button-compact"
          data-testid="import-plan-button"
          title="Import an action plan (.json) as a new workshop"
          onClick={() => setImporting(true)}
        >
          <UploadIcon />
          <span>Import</span>
        </button>
      )}
      {importing &&
        createPortal(
          <ImportDialog workshopId={session.id} token={token} onClose={() => setImporting(false)} />,
          document.body,
        )}
    </>
  );
}

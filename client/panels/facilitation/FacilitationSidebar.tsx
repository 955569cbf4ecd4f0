// The facilitation section of the tool palette: the facilitator's controls, or, for a
// participant, private brainstorming (add a private note; how many are waiting for the reveal).
import { useFacilitationContext } from '../../facilitation/context.ts';
import { createPrivateNote, usePrivateNotes } from '../../facilitation/privateNotes.ts';
import { useFacilitation } from '../../facilitation/useFacilitation.ts';
import { NoteIcon } from '../icons.tsx';
import { FacilitatorControls } from './FacilitatorControls.tsx';
import { PrivateIcon } from './facilitationIcons.tsx';

function PrivateSection() {
  const { doc, me, privateBoard } = useFacilitationContext();
  const f = useFacilitation(doc);
  const notes = usePrivateNotes(privateBoard?.doc ?? null);
  if (!privateBoard || (!f.privateMode && notes.length === 0)) return null;
  return (
    <section
      className="sidebar-section private-section"
      aria-labelledby="private-heading"
      data-testid="private-section"
    >
      <h2 id="private-heading" className="sidebar-heading">
        <PrivateIcon /> Private brainstorm
      </h2>
      {f.privateMode ? (
        <p className="hint">Your new notes are seen by you alone until the facilitator reveals them.</p>
      ) : (
        <p className="hint">Private mode is over; your private notes wait for the facilitator’s reveal.</p>
      )}
      {f.privateMode && (
        <button
          type="button"
          className="tool-button"
          data-testid="create-private-note"
          onClick={() => createPrivateNote(privateBoard.doc, doc, me)}
        >
          <NoteIcon />
          <span>Private note</span>
          <kbd>N</kbd>
        </button>
      )}
      <p className="private-count" data-testid="private-count" data-count={notes.length}>
        {notes.length === 0 ? 'No private notes yet.' : `${notes.length} private note${notes.length === 1 ? '' : 's'}`}
      </p>
    </section>
  );
}

export function FacilitationSidebar() {
  const { role } = useFacilitationContext();
  return role === 'facilitator' ? <FacilitatorControls /> : <PrivateSection />;
}

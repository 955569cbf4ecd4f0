// The workshop details dialog, for everyone: a facilitator edits the details and records the
// plan's adoption, everyone else reads them. Opened from the top bar's Details button, the
// facilitator's palette or the plan progress; this module renders it once, beside that button.
import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { WORKSHOP_LEVEL_LABELS } from '../../../shared/model/index.ts';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { useFacilitationContext } from '../../facilitation/context.ts';
import { useWorkshopMeta } from '../../facilitation/useWorkshopMeta.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { CloseIcon, Icon } from '../icons.tsx';
import { keepKeysInPanel } from '../panelKeys.ts';
import { AdoptionSection } from './AdoptionSection.tsx';
import { WorkshopDetailsForm } from './WorkshopDetailsForm.tsx';
import '../../styles/workshop.css';

export const DetailsIcon = () => (
  <Icon>
    <circle cx="10" cy="10" r="7" />
    <path d="M10 9v4.5M10 6.5v.01" />
  </Icon>
);

/** The top bar's button, a line under the title with the territory and level, and the dialog when open. */
export function WorkshopDetails({ items }: { items: BoardItems }) {
  const { doc } = useFacilitationContext();
  const { meta } = useWorkshopMeta(doc);
  const open = useBoardStore((s) => s.workshopDetails);
  const setOpen = useBoardStore((s) => s.setWorkshopDetails);
  const where = [meta.territory, WORKSHOP_LEVEL_LABELS[meta.level]].filter(Boolean).join(' · ');
  return (
    <>
      <button
        type="button"
        className="details-button"
        aria-haspopup="dialog"
        aria-expanded={open !== null}
        data-testid="open-workshop-details"
        title={`Workshop details${where ? `: ${where}` : ''}`}
        onClick={() => setOpen(open ? null : 'details')}
      >
        <DetailsIcon />
        <span className="details-button-label">Details</span>
      </button>
      {open &&
        createPortal(<WorkshopDetailsDialog items={items} at={open} onClose={() => setOpen(null)} />, document.body)}
    </>
  );
}

interface DialogProps {
  items: BoardItems;
  at: 'details' | 'adoption';
  onClose: () => void;
}

function WorkshopDetailsDialog({ items, at, onClose }: DialogProps) {
  const { role } = useFacilitationContext();
  const headingId = useId();
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  useEffect(() => {
    if (at === 'details') dialog.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, [at]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes it; Escape does too
    <div
      className="modal-backdrop"
      data-testid="workshop-details"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={dialog}
        className="modal details-modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        onKeyDown={keepKeysInPanel}
      >
        <header className="modal-header">
          <div>
            <h2 id={headingId}>Workshop details</h2>
            <p className="modal-lead">
              {role === 'facilitator'
                ? 'What the exported plan says about the workshop. Everyone on the board sees these details.'
                : 'Set by the facilitator; the exported plan carries them.'}
            </p>
          </div>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close the workshop details">
            <CloseIcon />
          </button>
        </header>
        <WorkshopDetailsForm />
        <AdoptionSection items={items} focus={at === 'adoption'} />
      </div>
    </div>
  );
}

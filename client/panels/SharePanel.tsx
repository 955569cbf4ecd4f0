// The three secret links of a workshop, each with a Copy button. Shown to the facilitator.
import { useEffect, useRef, useState } from 'react';
import { ROLE_LABELS, type Role, type ShareLinks } from '../app/api.ts';
import { localiseLink } from '../app/route.ts';
import { CloseIcon, CopyIcon } from './icons.tsx';

const ROLE_HELP: Record<Role, string> = {
  facilitator: 'Runs the workshop. Keep this link to yourself and co-facilitators.',
  participant: 'Adds and edits cards and links. Hand this out to everyone taking part.',
  viewer: 'Sees the board live but cannot change it. For observers and screens.',
};

const ORDER: readonly Role[] = ['participant', 'viewer', 'facilitator'];

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (insecure origin, permissions): select the text for Ctrl+C instead.
    input?.select();
    return false;
  }
}

/** One role's link with a Copy button; `idPrefix` keeps ids apart when two lists are shown. */
export function LinkRow({ role, link, idPrefix = 'share' }: { role: Role; link: string; idPrefix?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'select'>('idle');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const id = `${idPrefix}-${role}`;
  return (
    <div className="share-row">
      <label className="share-role" htmlFor={id}>
        {ROLE_LABELS[role]} link
      </label>
      <p className="share-help">{ROLE_HELP[role]}</p>
      <div className="share-field">
        <input
          id={id}
          ref={input}
          className="input input-compact share-input"
          readOnly
          value={link}
          data-testid={`${idPrefix}-link-${role}`}
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className={`button button-compact ${state === 'copied' ? 'button-success' : 'button-secondary'}`}
          data-testid={idPrefix === 'share' ? `copy-link-${role}` : `${idPrefix}-copy-${role}`}
          aria-label={`Copy the ${ROLE_LABELS[role].toLowerCase()} link`}
          onClick={async () => setState((await copyText(link, input.current)) ? 'copied' : 'select')}
        >
          <CopyIcon />
          <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'select' ? 'Press Ctrl+C' : 'Copy'}</span>
        </button>
      </div>
    </div>
  );
}

export function SharePanel({ links, onClose }: { links: ShareLinks; onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <section className="share-panel" role="dialog" aria-modal="false" aria-labelledby="share-heading">
      <header className="share-header">
        <div>
          <h2 id="share-heading">Invite people</h2>
          <p className="share-lead">
            Anyone with a link joins in that role. Links are secret: share them only with the people they are for.
          </p>
        </div>
        <button
          ref={closeRef}
          type="button"
          className="icon-button"
          onClick={onClose}
          aria-label="Close the invitation links"
        >
          <CloseIcon />
        </button>
      </header>
      {ORDER.map((role) => (
        <LinkRow key={role} role={role} link={localiseLink(links[role])} />
      ))}
    </section>
  );
}

// Inviting people: the three secret links, each with a Copy button and a QR code for people in
// the room, and a way to replace (revoke and reissue) a link. Replacing the facilitator's own
// link moves this page to the new one.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { ROLE_LABELS, type Role, type ShareLinks } from '../../app/api.ts';
import { localiseLink } from '../../app/route.ts';
import { rotateLink, tokenOfLink } from '../../facilitation/facilitationApi.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { CloseIcon } from '../icons.tsx';
import { LinkRow } from '../SharePanel.tsx';
import { QrIcon, RotateIcon } from './facilitationIcons.tsx';
import '../../styles/facilitation.css';

const ORDER: readonly Role[] = ['participant', 'viewer', 'facilitator'];

function QrCode({ text, role, size }: { text: string; role: Role; size: number }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    QRCode.toDataURL(text, { margin: 1, width: size * 2, errorCorrectionLevel: 'M' })
      .then((made) => {
        if (!cancelled) setUrl(made);
      })
      .catch(() => setUrl(null));
    return () => {
      cancelled = true;
    };
  }, [text, size]);
  if (!url) return <span className="qr-placeholder" style={{ width: size, height: size }} />;
  return (
    <img
      className="qr-code"
      src={url}
      width={size}
      height={size}
      alt={`QR code of the ${ROLE_LABELS[role].toLowerCase()} link`}
      data-testid={`qr-${role}`}
    />
  );
}

/** Moves this page to a new facilitator link: the old one no longer opens the board. */
function switchToToken(workshopId: string, token: string): void {
  window.history.replaceState(null, '', `/w/${encodeURIComponent(workshopId)}#token=${encodeURIComponent(token)}`);
  window.location.reload();
}

interface Props {
  workshopId: string;
  token: string;
  links: ShareLinks;
  onClose: () => void;
}

export function ShareDialog({ workshopId, token, links: sessionLinks, onClose }: Props) {
  const rotated = useBoardStore((s) => s.rotatedLinks);
  const setRotated = useBoardStore((s) => s.setRotatedLinks);
  const notify = useBoardStore((s) => s.notify);
  const links = rotated ?? sessionLinks;
  const [enlarged, setEnlarged] = useState<Role | null>(null);
  const [confirming, setConfirming] = useState<Role | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const rotate = async (role: Role) => {
    setBusy(true);
    try {
      const fresh = await rotateLink(workshopId, token, role);
      setRotated(fresh);
      setConfirming(null);
      notify(`The ${ROLE_LABELS[role].toLowerCase()} link was replaced. The old one no longer works.`);
      const own = tokenOfLink(fresh.facilitator);
      if (role === 'facilitator' && own) switchToToken(workshopId, own);
    } catch (error) {
      notify(`The link could not be replaced: ${(error as Error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="share-panel share-dialog"
      role="dialog"
      aria-modal="false"
      aria-labelledby="share-heading"
      data-testid="share-dialog"
    >
      <header className="share-header">
        <div>
          <h2 id="share-heading">Invite people</h2>
          <p className="share-lead">
            Anyone with a link joins in that role. Links are secret: share them only with the people they are for.
            People in the room can scan the QR code.
          </p>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the invitation links">
          <CloseIcon />
        </button>
      </header>
      {ORDER.map((role) => {
        const link = localiseLink(links[role]);
        return (
          <div key={role} className="share-dialog-row" data-testid={`share-row-${role}`}>
            <LinkRow role={role} link={link} />
            <div className={`share-dialog-qr${enlarged === role ? ' share-dialog-qr-large' : ''}`}>
              <div className="share-dialog-actions">
                <button
                  type="button"
                  className="button button-secondary button-compact"
                  aria-pressed={enlarged === role}
                  data-testid={`show-qr-${role}`}
                  onClick={() => setEnlarged(enlarged === role ? null : role)}
                >
                  <QrIcon />
                  <span>{enlarged === role ? 'Smaller QR code' : 'Larger QR code'}</span>
                </button>
                {confirming === role ? (
                  <span className="rotate-confirm">
                    <span>Replace it? Whoever uses the old link is disconnected.</span>
                    <button
                      type="button"
                      className="button button-primary button-compact"
                      data-testid={`rotate-confirm-${role}`}
                      disabled={busy}
                      onClick={() => void rotate(role)}
                    >
                      Replace
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-compact"
                      onClick={() => setConfirming(null)}
                    >
                      Keep
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button button-secondary button-compact"
                    data-testid={`rotate-${role}`}
                    onClick={() => setConfirming(role)}
                  >
                    <RotateIcon />
                    <span>Replace link</span>
                  </button>
                )}
              </div>
              <QrCode text={link} role={role} size={enlarged === role ? 280 : 72} />
            </div>
          </div>
        );
      })}
    </section>
  );
}

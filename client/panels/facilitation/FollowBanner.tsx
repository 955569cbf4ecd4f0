// While following someone's view: whose, and how to stop (any pan or zoom stops it too).
import type { Awareness } from 'y-protocols/awareness';
import { useBoardStore } from '../../store/boardStore.ts';
import { readPeer } from '../../sync/presence.ts';

export function FollowBanner({ awareness }: { awareness: Awareness }) {
  const following = useBoardStore((s) => s.following);
  const setFollowing = useBoardStore((s) => s.setFollowing);
  if (following === null) return null;
  const peer = readPeer(awareness, following);
  return (
    <div className="follow-banner" data-testid="follow-banner" style={{ borderColor: peer?.user.colour }}>
      <span>
        Following <strong>{peer?.user.name ?? 'someone'}</strong>. Move the board to stop.
      </span>
      <button type="button" className="button button-secondary button-compact" onClick={() => setFollowing(null)}>
        Stop
      </button>
    </div>
  );
}

// Other people on the canvas: their cursors, eased between throttled awareness updates so they
// glide rather than jump, and their selections, outlined in their colour. Kept outside React:
// awareness changes only ask the two layers that show them to redraw.
import type { Awareness } from 'y-protocols/awareness';
import { listPeers, type Peer } from '../sync/presence.ts';
import type { Point } from './geometry.ts';
import { FONT_FAMILY } from './theme.ts';

interface CursorTrack {
  from: Point;
  to: Point;
  startedAt: number;
  duration: number;
  lastUpdate: number;
}

const POINTER_PATH = new Path2D('M0 0 L0 17 L4.6 12.8 L7.6 19.6 L10.6 18.3 L7.7 11.6 L13.6 11.4 Z');
const MIN_GLIDE_MS = 60;
const MAX_GLIDE_MS = 300;

function ease(t: number): number {
  return t < 0 ? 0 : t > 1 ? 1 : 1 - (1 - t) * (1 - t);
}

export class PresenceView {
  peers: Peer[] = [];
  /** Selected id → the colours of the people who have it selected. */
  selectedBy = new Map<string, string[]>();
  private readonly tracks = new Map<number, CursorTrack>();
  private frame = 0;
  private readonly stop: () => void;

  constructor(
    awareness: Awareness,
    private readonly redrawCursors: () => void,
    private readonly redrawSelections: () => void,
  ) {
    let selectionKey = '';
    const onChange = () => {
      const now = performance.now();
      this.peers = listPeers(awareness);
      const alive = new Set<number>();
      for (const peer of this.peers) {
        alive.add(peer.clientId);
        if (!peer.cursor) {
          this.tracks.delete(peer.clientId);
          continue;
        }
        const track = this.tracks.get(peer.clientId);
        if (!track) {
          this.tracks.set(peer.clientId, {
            from: peer.cursor,
            to: peer.cursor,
            startedAt: now,
            duration: 0,
            lastUpdate: now,
          });
        } else if (track.to.x !== peer.cursor.x || track.to.y !== peer.cursor.y) {
          // Glide over about the time between updates, so the cursor arrives as the next one comes.
          const gap = Math.min(MAX_GLIDE_MS, Math.max(MIN_GLIDE_MS, now - track.lastUpdate));
          track.from = this.position(track, now);
          track.to = peer.cursor;
          track.startedAt = now;
          track.duration = gap;
          track.lastUpdate = now;
        }
      }
      for (const id of this.tracks.keys()) if (!alive.has(id)) this.tracks.delete(id);
      this.animate();
      const selectedBy = new Map<string, string[]>();
      for (const peer of this.peers) {
        for (const id of peer.selection) {
          const colours = selectedBy.get(id);
          if (colours) colours.push(peer.user.colour);
          else selectedBy.set(id, [peer.user.colour]);
        }
      }
      const key = [...selectedBy].map(([id, c]) => `${id}:${c.join('/')}`).join('|');
      if (key !== selectionKey) {
        selectionKey = key;
        this.selectedBy = selectedBy;
        this.redrawSelections();
      }
    };
    awareness.on('change', onChange);
    onChange();
    this.stop = () => awareness.off('change', onChange);
  }

  hasCursors(): boolean {
    return this.tracks.size > 0;
  }

  private position(track: CursorTrack, now: number): Point {
    const t = track.duration === 0 ? 1 : ease((now - track.startedAt) / track.duration);
    return { x: track.from.x + (track.to.x - track.from.x) * t, y: track.from.y + (track.to.y - track.from.y) * t };
  }

  private animate(): void {
    if (this.frame) return;
    const tick = () => {
      this.frame = 0;
      this.redrawCursors();
      const now = performance.now();
      const moving = [...this.tracks.values()].some((t) => now - t.startedAt < t.duration);
      if (moving) this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  /** Draws every cursor at its eased position, at a constant on-screen size. */
  drawCursors(ctx: CanvasRenderingContext2D, scale: number): void {
    const now = performance.now();
    ctx.textBaseline = 'top';
    ctx.font = `bold 12px ${FONT_FAMILY}`;
    for (const peer of this.peers) {
      const track = this.tracks.get(peer.clientId);
      if (!track) continue;
      const p = this.position(track, now);
      ctx.save();
      ctx.translate(p.x, p.y);
      ctx.scale(1 / scale, 1 / scale);
      ctx.fillStyle = peer.user.colour;
      ctx.strokeStyle = '#FFFFFF';
      ctx.lineWidth = 1.5;
      ctx.fill(POINTER_PATH);
      ctx.stroke(POINTER_PATH);
      const width = ctx.measureText(peer.user.name).width + 10;
      ctx.beginPath();
      ctx.roundRect(12, 20, width, 22, 6);
      ctx.fill();
      ctx.fillStyle = '#FFFFFF';
      ctx.fillText(peer.user.name, 17, 25);
      ctx.restore();
    }
  }

  destroy(): void {
    this.stop();
    if (this.frame) cancelAnimationFrame(this.frame);
  }
}

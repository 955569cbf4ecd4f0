// The workshop's stored title follows the title on its board: the join form and the start page
// read the stored one (before any board is loaded), and a facilitator renames the workshop on the
// board (Workshop details). Writes only when the title changed, at most once per interval.
import type * as Y from 'yjs';
import { observeBoard, readMeta } from '../../shared/model/index.ts';
import { MAX_TITLE_LENGTH } from '../workshops.ts';

export interface TitleStore {
  setTitle(id: string, title: string): Promise<void>;
}

/** The stored form of a board title, or null when the board's title cannot stand for the workshop. */
export function storedTitleOf(boardTitle: string): string | null {
  const title = boardTitle.trim().slice(0, MAX_TITLE_LENGTH);
  return title === '' ? null : title;
}

export class TitleKeeper {
  private last: string | null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly stop: () => void;

  constructor(
    private readonly id: string,
    private readonly doc: Y.Doc,
    private readonly store: TitleStore,
    private readonly onError: (error: unknown) => void,
    private readonly everyMs = 2_000,
  ) {
    // What the loaded board says is what the workshop was last stored as (or created with).
    this.last = storedTitleOf(readMeta(doc).title);
    this.stop = observeBoard(doc, (changes) => {
      if (changes.meta && !this.timer) this.timer = setTimeout(() => void this.flush(), this.everyMs);
    });
  }

  /** Stores the board's title if it changed; also called when the room closes. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const title = storedTitleOf(readMeta(this.doc).title);
    if (title === null || title === this.last) return;
    this.last = title;
    try {
      await this.store.setTitle(this.id, title);
    } catch (error) {
      this.onError(error);
    }
  }

  close(): Promise<void> {
    this.stop();
    return this.flush();
  }
}

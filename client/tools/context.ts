import type * as Y from 'yjs';
import type { Author } from '../../shared/model/kinds.ts';
import type { NewCardsRoute } from './newCards.ts';

/** What a tool acts through: the shared document, who acts, and whether the role may edit. */
export interface ToolContext {
  doc: Y.Doc;
  author: Author;
  canEdit: boolean;
  /**
   * The agreement's locks apply to this person (a participant): agreed items and what they stand
   * on (shared/model/locks.ts). Facilitators are not bound by them.
   */
  underLocks?: boolean;
  /** Why the selection may be edited but not deleted (it holds a card an agreed item is linked to). */
  deleteRefused?: string | null;
  /** Why nothing (or not the selection) may be changed now, told when someone tries, e.g. a drag. */
  readOnly?: string;
  /** Where this person's new cards go (their private board during private brainstorming). */
  newCards?: NewCardsRoute;
}

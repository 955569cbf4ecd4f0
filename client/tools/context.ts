import type * as Y from 'yjs';
import type { Author } from '../../shared/model/kinds.ts';

/** What a tool acts through: the shared document, who acts, and whether the role may edit. */
export interface ToolContext {
  doc: Y.Doc;
  author: Author;
  canEdit: boolean;
}

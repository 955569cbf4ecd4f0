// The document model: the only door to a board's Yjs layout.
export * from './cards.ts';
export * from './clipboard.ts';
export * from './facilitation.ts';
export * from './fieldOps.ts';
export * from './fields.ts';
export * from './ids.ts';
export * from './interactionScale.ts';
export * from './itemOps.ts';
export * from './kinds.ts';
export { applyTextEdit, diffText, replaceText, type TextEdit } from './layout.ts';
export * from './links.ts';
export * from './observe.ts';
export * from './privateNotes.ts';
export * from './rootPaths.ts';
export * from './schema.ts';
export * from './undo.ts';
export * from './vocabulary.ts';
export * from './workshopMeta.ts';

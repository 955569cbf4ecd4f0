/**
 * The origin of every change this browser makes through the model. Remote and persisted
 * changes carry other origins, so an undo manager tracking only this one undoes only our edits.
 */
export const LOCAL_ORIGIN: unique symbol = Symbol('sdg-board:local');

// One private note on its owner's canvas, drawn over the board in board coordinates: a sticky
// note marked "Private", moved by its top strip and edited in place.
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { type CardOf, deleteCard, moveCard, updateCard } from '../../../shared/model/index.ts';
import { takeFreshPrivateNote } from '../../facilitation/privateNotes.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../../sync/origin.ts';
import { CloseIcon } from '../icons.tsx';
import { PrivateIcon } from './facilitationIcons.tsx';

export function PrivateNoteView({ note, doc }: { note: CardOf<'note'>; doc: Y.Doc }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [offset, setOffset] = useState<{ dx: number; dy: number } | null>(null);
  const drag = useRef<{ x: number; y: number; pointer: number } | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (takeFreshPrivateNote(note.id)) area.current?.focus();
  }, [note.id]);

  const commit = (text: string) => {
    if (text !== note.fields.text) updateCard(doc, note.id, { fields: { text } }, LOCAL_ORIGIN);
  };

  return (
    <div
      className="private-note"
      data-testid="private-note"
      data-id={note.id}
      style={{
        left: note.x + (offset?.dx ?? 0),
        top: note.y + (offset?.dy ?? 0),
        width: note.w,
        height: note.h,
        background: note.fields.colour,
      }}
    >
      <div
        className="private-note-strip"
        title="Drag to move"
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drag.current = { x: e.clientX, y: e.clientY, pointer: e.pointerId };
          setOffset({ dx: 0, dy: 0 });
        }}
        onPointerMove={(e) => {
          const start = drag.current;
          if (!start) return;
          const scale = useBoardStore.getState().viewport.scale;
          setOffset({ dx: (e.clientX - start.x) / scale, dy: (e.clientY - start.y) / scale });
        }}
        onPointerUp={(e) => {
          const start = drag.current;
          drag.current = null;
          if (!start) return;
          const scale = useBoardStore.getState().viewport.scale;
          const dx = (e.clientX - start.x) / scale;
          const dy = (e.clientY - start.y) / scale;
          setOffset(null);
          if (dx !== 0 || dy !== 0) moveCard(doc, note.id, note.x + dx, note.y + dy, LOCAL_ORIGIN);
        }}
      >
        <span className="private-badge" data-testid="private-badge">
          <PrivateIcon />
          Private
        </span>
        <button
          type="button"
          className="private-note-delete"
          aria-label="Delete this private note"
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => deleteCard(doc, note.id, LOCAL_ORIGIN)}
        >
          <CloseIcon />
        </button>
      </div>
      <textarea
        ref={area}
        className="private-note-text"
        aria-label="Private note text"
        data-testid="private-note-text"
        placeholder="Your idea… (only you see it until the reveal)"
        value={draft ?? note.fields.text}
        onFocus={() => setDraft(note.fields.text)}
        onChange={(e) => {
          setDraft(e.target.value);
          commit(e.target.value);
        }}
        onBlur={() => setDraft(null)}
        onKeyDown={(e) => {
          // Keys typed here are the note's, not the board's shortcuts.
          e.stopPropagation();
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
      />
    </div>
  );
}

// Writing a comment: plain text with @mentions, suggested from the people who have taken part or
// are online as soon as an "@" is typed, and stored as their author ids.
import { type RefObject, useRef, useState } from 'react';
import { insertMention, type Mentionable, mentionQuery, suggestMentions } from '../../facilitation/mentions.ts';

interface Props<P extends Mentionable & { colour: string }> {
  people: readonly P[];
  placeholder: string;
  onSubmit: (text: string) => void;
  testId?: string;
  /** The text area, for a parent that moves focus to it (Reply). */
  inputRef?: RefObject<HTMLTextAreaElement | null>;
}

export function CommentComposer<P extends Mentionable & { colour: string }>({
  people,
  placeholder,
  onSubmit,
  testId = 'comment-input',
  inputRef,
}: Props<P>) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const own = useRef<HTMLTextAreaElement>(null);
  const area = inputRef ?? own;
  const suggestions = query ? suggestMentions(people, query.query) : [];

  const update = (value: string, caret: number) => {
    setText(value);
    setQuery(mentionQuery(value, caret));
    setActive(0);
  };
  const pick = (p: P) => {
    if (!query || !area.current) return;
    const next = insertMention(text, query.start, area.current.selectionStart, p.name);
    setText(next.text);
    setQuery(null);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.caret, next.caret);
    });
  };
  const submit = () => {
    if (text.trim() === '') return;
    onSubmit(text);
    setText('');
    setQuery(null);
  };

  return (
    <div className="comment-composer">
      <textarea
        ref={area}
        className="input comment-input"
        rows={2}
        value={text}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(e) => update(e.target.value, e.target.selectionStart)}
        onKeyUp={(e) => {
          if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key))
            setQuery(mentionQuery(text, e.currentTarget.selectionStart));
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (suggestions.length > 0) {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
              return;
            }
            if (e.key === 'Enter' || e.key === 'Tab') {
              e.preventDefault();
              pick(suggestions[active] as P);
              return;
            }
            if (e.key === 'Escape') {
              setQuery(null);
              return;
            }
          }
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
      />
      {suggestions.length > 0 && (
        <ul className="mention-suggestions" aria-label="People to mention" data-testid="mention-suggestions">
          {suggestions.map((p, i) => (
            <li key={p.id}>
              <button
                type="button"
                className={`mention-option${i === active ? ' mention-option-active' : ''}`}
                aria-current={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(p)}
              >
                <span className="person-dot" style={{ background: p.colour }} aria-hidden="true" />
                {p.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="comment-composer-actions">
        <span className="comment-hint">Type @ to mention someone · Ctrl+Enter sends</span>
        <button
          type="button"
          className="button button-primary button-compact"
          data-testid={`${testId}-send`}
          disabled={text.trim() === ''}
          onClick={submit}
        >
          Comment
        </button>
      </div>
    </div>
  );
}

// The keyboard shortcuts, shown with `?` (or the help button) over the board.
import { useEffect, useRef } from 'react';
import { useBoardStore } from '../store/boardStore.ts';
import { SHORTCUTS } from '../tools/shortcutList.ts';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function keyLabel(keys: string): string {
  return keys.replace(/mod/g, MAC ? '⌘' : 'Ctrl');
}

export function HelpOverlay() {
  const open = useBoardStore((s) => s.helpOpen);
  const setOpen = useBoardStore((s) => s.setHelpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => previous?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="help-backdrop" onPointerDown={(e) => e.target === e.currentTarget && setOpen(false)}>
      <div
        className="help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        data-testid="help-overlay"
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        <div className="help-head">
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button
            ref={closeRef}
            type="button"
            className="icon-button"
            onClick={() => setOpen(false)}
            aria-label="Close the shortcuts"
          >
            ×
          </button>
        </div>
        <div className="help-columns">
          {SHORTCUTS.map((group) => (
            <section key={group.title} className="help-group" aria-labelledby={`help-${group.title}`}>
              <h3 id={`help-${group.title}`}>{group.title}</h3>
              <dl>
                {group.items.map((item) => (
                  <div key={item.does} className="help-row">
                    <dt>
                      {item.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && <span className="help-or"> or </span>}
                          <kbd>{keyLabel(k)}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>{item.does}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}

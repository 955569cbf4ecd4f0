// The Export menu of the top bar: the action plan in each format, downloaded with this person's
// token (agreed items only unless "Include all items" is on), and an image of the board.
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { Card } from '../../../shared/model/index.ts';
import { fetchPlanExport, type PlanFormat, saveFile } from '../../app/planApi.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { keepKeysInPanel } from '../panelKeys.ts';
import { ChevronDownIcon, DownloadIcon, FileIcon, ImageIcon, TableIcon } from '../planIcons.tsx';
import { boardImageBlob } from './boardImage.ts';

interface FormatItem {
  format: PlanFormat;
  label: string;
  extension: string;
  help: string;
  icon: ReactNode;
}

const FORMAT_ITEMS: readonly FormatItem[] = [
  {
    format: 'json',
    label: 'JSON',
    extension: '.json',
    help: 'The action plan for re-import and other tools',
    icon: <FileIcon />,
  },
  { format: 'xlsx', label: 'Spreadsheet', extension: '.xlsx', help: 'One sheet per table', icon: <TableIcon /> },
  {
    format: 'docx',
    label: 'Document',
    extension: '.docx',
    help: 'The plan as a reader expects it',
    icon: <FileIcon />,
  },
  {
    format: 'md',
    label: 'Markdown',
    extension: '.md',
    help: 'Plain text with headings and tables',
    icon: <FileIcon />,
  },
  {
    format: 'csv',
    label: 'Interaction matrix',
    extension: '.csv',
    help: 'Every scored pair, for analysis',
    icon: <TableIcon />,
  },
];

interface Props {
  workshopId: string;
  token: string;
  title: string;
  cards: () => Iterable<Card>;
}

function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return words || 'workshop';
}

export function ExportMenu({ workshopId, token, title, cards }: Props) {
  const [open, setOpen] = useState(false);
  const [includeAll, setIncludeAll] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    // Focus the first item, as a menu opened from its button does.
    menuRef.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      (e.key === 'Home' ? items[0] : items[items.length - 1])?.focus();
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
    keepKeysInPanel(e);
  };

  const notify = useBoardStore.getState().notify;

  const download = async (item: FormatItem) => {
    setBusy(item.format);
    try {
      const file = await fetchPlanExport(workshopId, token, item.format, includeAll);
      saveFile(file);
      notify(`Downloaded ${file.fileName}${includeAll ? ' (all items)' : ' (agreed items)'}.`);
      setOpen(false);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'error');
    } finally {
      setBusy(null);
    }
  };

  const downloadImage = async () => {
    setBusy('png');
    try {
      const blob = await boardImageBlob(cards());
      if (!blob) {
        notify('The board is empty: there is nothing to draw yet.', 'error');
        return;
      }
      const fileName = `${slug(title)}-board.png`;
      saveFile({ blob, fileName });
      notify(`Downloaded ${fileName}.`);
      setOpen(false);
    } catch (error) {
      notify(`The image could not be made: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="menu-root" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button button-secondary button-compact"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-testid="export-menu-button"
        onClick={() => setOpen(!open)}
      >
        <DownloadIcon />
        <span>Export</span>
        <ChevronDownIcon />
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          className="menu"
          role="menu"
          aria-label="Export"
          tabIndex={-1}
          onKeyDown={onMenuKey}
          data-testid="export-menu"
        >
          <p className="menu-heading">Action plan</p>
          {FORMAT_ITEMS.map((item) => (
            <button
              key={item.format}
              type="button"
              role="menuitem"
              className="menu-item"
              data-testid={`export-${item.format}`}
              disabled={busy !== null}
              onClick={() => download(item)}
            >
              <span className="menu-icon">{item.icon}</span>
              <span className="menu-text">
                <span className="menu-label">
                  {item.label} <span className="menu-ext">{item.extension}</span>
                </span>
                <span className="menu-help">{busy === item.format ? 'Preparing…' : item.help}</span>
              </span>
            </button>
          ))}
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={includeAll}
            className="menu-item menu-toggle"
            data-testid="export-include-all"
            onClick={() => setIncludeAll(!includeAll)}
          >
            <span className={`toggle${includeAll ? ' toggle-on' : ''}`} aria-hidden="true">
              <span className="toggle-knob" />
            </span>
            <span className="menu-text">
              <span className="menu-label">Include all items</span>
              <span className="menu-help">
                {includeAll ? 'Proposed and discussed items too' : 'Off: only agreed items go into the plan'}
              </span>
            </span>
          </button>
          <hr className="menu-separator" />
          <p className="menu-heading">Board</p>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            data-testid="export-png"
            disabled={busy !== null}
            onClick={downloadImage}
          >
            <span className="menu-icon">
              <ImageIcon />
            </span>
            <span className="menu-text">
              <span className="menu-label">
                Board image <span className="menu-ext">.png</span>
              </span>
              <span className="menu-help">{busy === 'png' ? 'Drawing…' : 'Every card, on white'}</span>
            </span>
          </button>
        </div>
      )}
    </div>
  );
}

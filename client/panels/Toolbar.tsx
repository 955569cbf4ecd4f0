// The tool palette beside the board: tools, what can be added, the selection, and the key to
// the interaction scale. For a viewer every control that would change the board is disabled.
import type { ReactNode } from 'react';
import { INTERACTION_SCALE, scoreColour } from '../../shared/model/interactionScale.ts';
import type { CardKind } from '../../shared/model/kinds.ts';
import { newCardCentre } from '../canvas/openArea.ts';
import type { BoardItems } from '../canvas/useBoardItems.ts';
import { useBoardStore } from '../store/boardStore.ts';
import type { Tool } from '../store/toolSlice.ts';
import type { ToolContext } from '../tools/context.ts';
import { createCard, createIntervention, createNote } from '../tools/createCards.ts';
import { CARD_KIND_LABELS, CARD_KIND_NOUNS } from '../tools/kindLabels.ts';
import { deleteSelection } from '../tools/selectTool.ts';
import { EyeIcon, InterventionIcon, LinkIcon, NoteIcon, PointerIcon, TrashIcon } from './icons.tsx';
import { ActorIcon, FrameIcon, GridIcon, ObjectiveIcon } from './planIcons.tsx';
import { SelectionPanel } from './SelectionPanel.tsx';
import { TargetPicker } from './TargetPicker.tsx';

interface ToolButtonProps {
  tool: Tool;
  label: string;
  shortcut: string;
  testId: string;
  disabled?: boolean;
  icon: ReactNode;
}

function ToolButton({ tool, label, shortcut, testId, disabled = false, icon }: ToolButtonProps) {
  const active = useBoardStore((s) => s.tool === tool);
  const setTool = useBoardStore((s) => s.setTool);
  return (
    <button
      type="button"
      className={`tool-button${active ? ' tool-button-active' : ''}`}
      aria-pressed={active}
      data-testid={testId}
      disabled={disabled}
      onClick={() => setTool(tool)}
      title={`${label} (${shortcut})`}
    >
      {icon}
      <span>{label}</span>
      <kbd>{shortcut}</kbd>
    </button>
  );
}

interface AddButtonProps {
  kind: CardKind;
  shortcut: string;
  icon: ReactNode;
  disabled: boolean;
  onClick: () => void;
}

function AddButton({ kind, shortcut, icon, disabled, onClick }: AddButtonProps) {
  return (
    <button
      type="button"
      className="tool-button"
      data-testid={`create-${kind}`}
      disabled={disabled}
      onClick={onClick}
      title={`Add ${CARD_KIND_NOUNS[kind]} (${shortcut})`}
    >
      {icon}
      <span>{CARD_KIND_LABELS[kind]}</span>
      <kbd>{shortcut}</kbd>
    </button>
  );
}

interface ToolbarProps {
  ctx: ToolContext;
  items: BoardItems;
  /** A section above the tools (the facilitation controls). */
  extra?: ReactNode;
  /** The selection holds an item this person may not change (agreed, or a link of an agreed card). */
  selectionLocked?: boolean;
  /** Why this person may not delete the selection (it holds a card an agreed item is linked to). */
  deleteRefused?: string | null;
}

export function Toolbar({ ctx, items, extra, selectionLocked = false, deleteRefused = null }: ToolbarProps) {
  const selectedCount = useBoardStore((s) => s.selectedCards.length + s.selectedLinks.length);
  const tool = useBoardStore((s) => s.tool);
  const linkFrom = useBoardStore((s) => s.linkFrom);
  const paletteOpen = useBoardStore((s) => s.paletteOpen);
  const setPaletteOpen = useBoardStore((s) => s.setPaletteOpen);
  const viewer = !ctx.canEdit;

  return (
    <aside className="sidebar" aria-label="Tools">
      {viewer && (
        <p className="sidebar-note">
          <EyeIcon />
          <span>You are viewing this board. You see every change live but cannot change anything.</span>
        </p>
      )}
      {extra}
      <section className="sidebar-section" aria-labelledby="tools-heading">
        <h2 id="tools-heading" className="sidebar-heading">
          Tools
        </h2>
        <div className="tool-grid">
          <ToolButton tool="select" label="Select" shortcut="V" testId="tool-select" icon={<PointerIcon />} />
          <ToolButton tool="link" label="Link" shortcut="L" testId="tool-link" disabled={viewer} icon={<LinkIcon />} />
        </div>
        {tool === 'link' && !viewer && (
          <p className="hint" aria-live="polite">
            {linkFrom ? 'Now click the card the link goes to. Esc cancels.' : 'Click the card the link starts from.'}
          </p>
        )}
      </section>
      <section className="sidebar-section" aria-labelledby="add-heading">
        <h2 id="add-heading" className="sidebar-heading">
          Add to the board
        </h2>
        <div className="tool-grid">
          <AddButton
            kind="note"
            shortcut="N"
            icon={<NoteIcon />}
            disabled={viewer}
            onClick={() => createNote(ctx, newCardCentre())}
          />
          <AddButton
            kind="intervention"
            shortcut="I"
            icon={<InterventionIcon />}
            disabled={viewer}
            onClick={() => createIntervention(ctx, newCardCentre())}
          />
          <AddButton
            kind="objective"
            shortcut="O"
            icon={<ObjectiveIcon />}
            disabled={viewer}
            onClick={() => createCard(ctx, 'objective', newCardCentre())}
          />
          <AddButton
            kind="actor"
            shortcut="A"
            icon={<ActorIcon />}
            disabled={viewer}
            onClick={() => createCard(ctx, 'actor', newCardCentre())}
          />
          <AddButton
            kind="frame"
            shortcut="F"
            icon={<FrameIcon />}
            disabled={viewer}
            onClick={() => createCard(ctx, 'frame', newCardCentre())}
          />
        </div>
        <TargetPicker ctx={ctx} />
        <button
          type="button"
          className={`tool-button${paletteOpen ? ' tool-button-active' : ''}`}
          aria-pressed={paletteOpen}
          data-testid="open-sdg-palette"
          onClick={() => setPaletteOpen(!paletteOpen)}
          title="Browse, search and drag SDG targets"
        >
          <GridIcon />
          <span>Browse SDG targets</span>
        </button>
      </section>
      <section className="sidebar-section" aria-labelledby="selection-heading">
        <h2 id="selection-heading" className="sidebar-heading">
          Selection
        </h2>
        <SelectionPanel items={items} />
        <button
          type="button"
          className="tool-button tool-button-danger"
          data-testid="delete-selected"
          disabled={viewer || selectedCount === 0 || selectionLocked || deleteRefused !== null}
          onClick={() => deleteSelection(ctx)}
          title={deleteRefused ?? 'Delete the selection (Delete)'}
          aria-describedby={deleteRefused ? 'delete-refused' : undefined}
        >
          <TrashIcon />
          <span>{selectedCount > 1 ? `Delete ${selectedCount} items` : 'Delete'}</span>
          <kbd>Del</kbd>
        </button>
        {deleteRefused && (
          <p className="hint" id="delete-refused" data-testid="delete-refused">
            {deleteRefused}
          </p>
        )}
      </section>
      <section className="sidebar-section sidebar-legend" aria-labelledby="legend-heading">
        <h2 id="legend-heading" className="sidebar-heading">
          Interaction scale
        </h2>
        <ul className="legend">
          {INTERACTION_SCALE.map((level) => (
            <li key={level.score} title={level.definition}>
              <span className="legend-swatch" style={{ background: scoreColour(level.score) }} aria-hidden="true" />
              <span className="legend-score">
                {level.score > 0 ? `+${level.score}` : level.score < 0 ? `−${-level.score}` : '0'}
              </span>
              <span>{level.label}</span>
            </li>
          ))}
        </ul>
        <p className="legend-source">Nilsson, Griggs &amp; Visbeck (2016)</p>
      </section>
    </aside>
  );
}

// The tool palette beside the board: tools, what can be added, the selection, and the key to
// the interaction scale. For a viewer every control that would change the board is disabled.
import type { ReactNode } from 'react';
import { INTERACTION_SCALE, scoreColour } from '../../shared/model/interactionScale.ts';
import type { BoardItems } from '../canvas/useBoardItems.ts';
import { useBoardStore } from '../store/boardStore.ts';
import type { Tool } from '../store/toolSlice.ts';
import { viewCentre } from '../store/viewportSlice.ts';
import type { ToolContext } from '../tools/context.ts';
import { createIntervention, createNote } from '../tools/createCards.ts';
import { deleteSelection } from '../tools/selectTool.ts';
import { EyeIcon, InterventionIcon, LinkIcon, NoteIcon, PointerIcon, TrashIcon } from './icons.tsx';
import { SelectionPanel } from './SelectionPanel.tsx';
import { TargetPicker } from './TargetPicker.tsx';

function centre() {
  const { viewport, stageSize } = useBoardStore.getState();
  return viewCentre(viewport, stageSize);
}

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

export function Toolbar({ ctx, items }: { ctx: ToolContext; items: BoardItems }) {
  const selectedCount = useBoardStore((s) => s.selectedCards.length + s.selectedLinks.length);
  const tool = useBoardStore((s) => s.tool);
  const linkFrom = useBoardStore((s) => s.linkFrom);
  const viewer = !ctx.canEdit;

  return (
    <aside className="sidebar" aria-label="Tools">
      {viewer && (
        <p className="sidebar-note">
          <EyeIcon />
          <span>You are viewing this board. You see every change live but cannot change anything.</span>
        </p>
      )}
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
          <button
            type="button"
            className="tool-button"
            data-testid="create-note"
            disabled={viewer}
            onClick={() => createNote(ctx, centre())}
            title="Add a note (N)"
          >
            <NoteIcon />
            <span>Note</span>
            <kbd>N</kbd>
          </button>
          <button
            type="button"
            className="tool-button"
            data-testid="create-intervention"
            disabled={viewer}
            onClick={() => createIntervention(ctx, centre())}
            title="Add an intervention (I)"
          >
            <InterventionIcon />
            <span>Intervention</span>
            <kbd>I</kbd>
          </button>
        </div>
        <TargetPicker ctx={ctx} />
      </section>
      <section className="sidebar-section" aria-labelledby="selection-heading">
        <h2 id="selection-heading" className="sidebar-heading">
          Selection
        </h2>
        <SelectionPanel ctx={ctx} items={items} />
        <button
          type="button"
          className="tool-button tool-button-danger"
          data-testid="delete-selected"
          disabled={viewer || selectedCount === 0}
          onClick={() => deleteSelection(ctx)}
          title="Delete the selection (Delete)"
        >
          <TrashIcon />
          <span>{selectedCount > 1 ? `Delete ${selectedCount} items` : 'Delete'}</span>
          <kbd>Del</kbd>
        </button>
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

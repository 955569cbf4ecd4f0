// What is selected, in a line: the inspector on the right edits a single card or link.
import { cardTitle } from '../../shared/model/index.ts';
import type { BoardItems } from '../canvas/useBoardItems.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { CARD_KIND_LABELS, LINK_KIND_LABELS } from '../tools/kindLabels.ts';

export function SelectionPanel({ items }: { items: BoardItems }) {
  const selectedCards = useBoardStore((s) => s.selectedCards);
  const selectedLinks = useBoardStore((s) => s.selectedLinks);
  const count = selectedCards.length + selectedLinks.length;
  if (count === 0)
    return <p className="muted">Click a card or link to select it; Shift-click adds to the selection.</p>;
  if (count > 1) return <p className="muted">{count} items selected. Drag one to move them together.</p>;
  const card = selectedCards[0] ? items.cards.get(selectedCards[0]) : undefined;
  const link = selectedLinks[0] ? items.links.get(selectedLinks[0]) : undefined;
  const kind = card ? CARD_KIND_LABELS[card.kind] : link ? `${LINK_KIND_LABELS[link.kind]} link` : '';
  const title = card ? cardTitle(card) : '';
  return (
    <p className="inspector-title">
      <span className="inspector-kind">{kind}</span> {title}
      <span className="muted selection-hint">Its details are in the inspector on the right.</span>
    </p>
  );
}

import { memo } from 'react';
import type { CardOf } from '../../../shared/model/kinds.ts';
import { COLOURS } from '../theme.ts';
import { PlainCard } from './PlainCard.tsx';

export const InterventionNode = memo(function InterventionNode({
  card,
  editing,
}: {
  card: CardOf<'intervention'>;
  editing: boolean;
}) {
  return (
    <PlainCard
      w={card.w}
      h={card.h}
      accent={COLOURS.intervention}
      kicker="INTERVENTION"
      title={card.fields.title}
      placeholder="Untitled intervention"
      footer={card.author.name ? `Proposed by ${card.author.name}` : ''}
      status={card.status}
      editing={editing}
    />
  );
});

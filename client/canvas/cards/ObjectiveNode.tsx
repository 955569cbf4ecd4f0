import { memo } from 'react';
import type { CardOf } from '../../../shared/model/kinds.ts';
import { COLOURS } from '../theme.ts';
import { PlainCard } from './PlainCard.tsx';

export const ObjectiveNode = memo(function ObjectiveNode({
  card,
  editing,
}: {
  card: CardOf<'objective'>;
  editing: boolean;
}) {
  return (
    <PlainCard
      w={card.w}
      h={card.h}
      accent={COLOURS.objective}
      kicker="OBJECTIVE"
      title={card.fields.title}
      placeholder="Untitled objective"
      footer={card.author.name ? `Proposed by ${card.author.name}` : ''}
      status={card.status}
      editing={editing}
    />
  );
});

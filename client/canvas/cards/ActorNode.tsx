import { memo } from 'react';
import type { CardOf } from '../../../shared/model/kinds.ts';
import { STAKEHOLDER_GROUP_LABELS } from '../../../shared/model/vocabulary.ts';
import { COLOURS } from '../theme.ts';
import { PlainCard } from './PlainCard.tsx';

export const ActorNode = memo(function ActorNode({ card, editing }: { card: CardOf<'actor'>; editing: boolean }) {
  return (
    <PlainCard
      w={card.w}
      h={card.h}
      accent={COLOURS.actor}
      kicker="ACTOR"
      title={card.fields.name}
      placeholder="Unnamed organisation"
      footer={STAKEHOLDER_GROUP_LABELS[card.fields.group]}
      status={card.status}
      editing={editing}
    />
  );
});

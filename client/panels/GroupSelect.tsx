import { STAKEHOLDER_GROUP_LABELS, STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../shared/model/vocabulary.ts';

interface Props {
  id: string;
  testId: string;
  value: StakeholderGroup | '';
  onChange: (group: StakeholderGroup | '') => void;
}

export function GroupSelect({ id, testId, value, onChange }: Props) {
  return (
    <select
      id={id}
      data-testid={testId}
      className="input"
      value={value}
      required
      onChange={(e) => onChange(e.target.value as StakeholderGroup | '')}
    >
      <option value="" disabled>
        Choose your stakeholder group…
      </option>
      {STAKEHOLDER_GROUPS.map((group) => (
        <option key={group} value={group}>
          {STAKEHOLDER_GROUP_LABELS[group]}
        </option>
      ))}
    </select>
  );
}

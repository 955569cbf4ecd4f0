// The stakeholder group a person joins as: the method's list, and "Other" in their own words.
import {
  MAX_GROUP_DETAIL,
  STAKEHOLDER_GROUP_LABELS,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from '../../shared/model/vocabulary.ts';

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

interface FieldsProps {
  /** Prefix of the ids and test ids: `<prefix>-group`, `<prefix>-group-detail`. */
  prefix: string;
  group: StakeholderGroup | '';
  detail: string;
  onGroupChange: (group: StakeholderGroup | '') => void;
  onDetailChange: (detail: string) => void;
  /** Marks the own-words input as missing (after a submit without it). */
  detailMissing?: boolean;
}

/** The group select, and for "Other" a required input for the person's own words. */
export function GroupFields({ prefix, group, detail, onGroupChange, onDetailChange, detailMissing }: FieldsProps) {
  const selectId = `${prefix}-group`;
  const detailId = `${prefix}-group-detail`;
  return (
    <>
      <label className="field" htmlFor={selectId}>
        <span className="field-label">Stakeholder group</span>
        <GroupSelect id={selectId} testId={selectId} value={group} onChange={onGroupChange} />
      </label>
      {group === 'other' && (
        <label className="field" htmlFor={detailId}>
          <span className="field-label">Which group? In your own words</span>
          <input
            id={detailId}
            data-testid={detailId}
            className={`input${detailMissing ? ' input-invalid' : ''}`}
            value={detail}
            maxLength={MAX_GROUP_DETAIL}
            placeholder="e.g. Farmers’ cooperative"
            required
            aria-invalid={detailMissing || undefined}
            onChange={(e) => onDetailChange(e.target.value)}
          />
        </label>
      )}
    </>
  );
}

/** Whether a group choice is complete: a group, and the own words when it is "Other". */
export function groupChosen(group: StakeholderGroup | '', detail: string): group is StakeholderGroup {
  return group !== '' && (group !== 'other' || detail.trim() !== '');
}

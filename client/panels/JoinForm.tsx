// Asks someone opening a join link for the name and group the others will see.
import { type FormEvent, useState } from 'react';
import type { StakeholderGroup } from '../../shared/model/vocabulary.ts';
import { ROLE_LABELS, type Role } from '../app/api.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { Brand } from './Brand.tsx';
import { GroupFields, groupChosen } from './GroupSelect.tsx';

interface Props {
  title: string;
  role: Role;
}

export function JoinForm({ title, role }: Props) {
  const identity = useBoardStore((s) => s.identity);
  const setIdentity = useBoardStore((s) => s.setIdentity);
  const [name, setName] = useState(identity.name);
  const [group, setGroup] = useState<StakeholderGroup | ''>(identity.group);
  const [detail, setDetail] = useState(identity.groupDetail);
  const [error, setError] = useState<string | null>(null);
  const detailMissing = error !== null && group === 'other' && !detail.trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim() || !groupChosen(group, detail)) {
      setError(
        group === 'other' && name.trim()
          ? 'Please say which group you are from, in your own words.'
          : 'Please enter your name and choose your stakeholder group.',
      );
      return;
    }
    setIdentity(name, group, detail);
  }

  return (
    <main className="entry-page">
      <div className="entry-card">
        <Brand />
        <p className="entry-kicker">You are invited as {ROLE_LABELS[role].toLowerCase()} to</p>
        <h1 className="entry-heading">{title || 'a workshop'}</h1>
        <form className="form" onSubmit={submit} noValidate>
          <label className="field" htmlFor="join-name">
            <span className="field-label">Your name</span>
            <input
              id="join-name"
              data-testid="join-name"
              className="input"
              value={name}
              maxLength={60}
              autoComplete="name"
              // biome-ignore lint/a11y/noAutofocus: the form has one job and this is its first field
              autoFocus
              onChange={(e) => setName(e.target.value)}
              required
            />
          </label>
          <GroupFields
            prefix="join"
            group={group}
            detail={detail}
            onGroupChange={setGroup}
            onDetailChange={setDetail}
            detailMissing={detailMissing}
          />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button-primary button-block" data-testid="join-submit">
            Join the board
          </button>
        </form>
        <p className="entry-footnote">Your name and group are shown to the others and remembered in this browser.</p>
      </div>
    </main>
  );
}

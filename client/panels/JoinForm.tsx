// Asks someone opening a join link for the name and group the others will see.
import { type FormEvent, useState } from 'react';
import type { StakeholderGroup } from '../../shared/model/vocabulary.ts';
import { ROLE_LABELS, type Role } from '../app/api.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { Brand } from './Brand.tsx';
import { GroupSelect } from './GroupSelect.tsx';

interface Props {
  title: string;
  role: Role;
}

export function JoinForm({ title, role }: Props) {
  const identity = useBoardStore((s) => s.identity);
  const setIdentity = useBoardStore((s) => s.setIdentity);
  const [name, setName] = useState(identity.name);
  const [group, setGroup] = useState<StakeholderGroup | ''>(identity.group);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim() || !group) {
      setError('Please enter your name and choose your stakeholder group.');
      return;
    }
    setIdentity(name, group);
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
          <label className="field" htmlFor="join-group">
            <span className="field-label">Stakeholder group</span>
            <GroupSelect id="join-group" testId="join-group" value={group} onChange={setGroup} />
          </label>
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

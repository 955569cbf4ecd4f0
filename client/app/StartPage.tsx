// Creates a workshop and opens it as its facilitator, with the share panel showing the links.
import { type FormEvent, useState } from 'react';
import type { StakeholderGroup } from '../../shared/model/vocabulary.ts';
import { Brand } from '../panels/Brand.tsx';
import { GroupFields, groupChosen } from '../panels/GroupSelect.tsx';
import { useBoardStore } from '../store/boardStore.ts';
import { requestSharePanel } from './access.ts';
import { createWorkshop } from './api.ts';
import { navigate } from './route.ts';

export function StartPage() {
  const identity = useBoardStore((s) => s.identity);
  const setIdentity = useBoardStore((s) => s.setIdentity);
  const [title, setTitle] = useState('');
  const [name, setName] = useState(identity.name);
  const [group, setGroup] = useState<StakeholderGroup | ''>(identity.group);
  const [detail, setDetail] = useState(identity.groupDetail);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const detailMissing = error !== null && group === 'other' && !detail.trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim() || !name.trim() || !groupChosen(group, detail)) {
      setError(
        title.trim() && name.trim() && group === 'other'
          ? 'Please say which group you are from, in your own words.'
          : 'Please give the workshop a title, and your name and stakeholder group.',
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const workshop = await createWorkshop(title.trim());
      setIdentity(name, group, detail);
      requestSharePanel(workshop.id);
      const link = new URL(workshop.links.facilitator, window.location.origin);
      navigate(`${link.pathname}${link.hash}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  }

  return (
    <main className="entry-page">
      <div className="entry-card">
        <Brand />
        <h1 className="entry-heading">Start a workshop</h1>
        <p className="entry-lead">
          Map SDG targets to interventions with everyone in the room and online, mark synergies and trade-offs, and
          agree an action plan together.
        </p>
        <form className="form" onSubmit={submit} noValidate>
          <label className="field" htmlFor="start-title">
            <span className="field-label">Workshop title</span>
            <input
              id="start-title"
              data-testid="start-title"
              className="input"
              value={title}
              maxLength={200}
              placeholder="e.g. Migration in the local development plan"
              onChange={(e) => setTitle(e.target.value)}
              required
            />
          </label>
          <label className="field" htmlFor="start-name">
            <span className="field-label">Your name</span>
            <input
              id="start-name"
              data-testid="start-name"
              className="input"
              value={name}
              maxLength={60}
              autoComplete="name"
              onChange={(e) => setName(e.target.value)}
              required
            />
          </label>
          <GroupFields
            prefix="start"
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
          <button
            type="submit"
            className="button button-primary button-block"
            data-testid="start-submit"
            disabled={busy}
          >
            {busy ? 'Creating…' : 'Create workshop'}
          </button>
        </form>
        <p className="entry-footnote">
          You will be the facilitator. You get three links to hand out: for facilitators, for participants and for
          viewers.
        </p>
      </div>
    </main>
  );
}

// Importing an action plan (.json) as a new workshop, for facilitators. The file goes to the
// server, which checks it against the plan schema: on success the new workshop's links are shown;
// when the file is not valid, every problem is listed with where it is, and nothing is created.
import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { PLAN_LIMITS } from '../../../shared/plan/planLimits.ts';
import { describePath, type ImportResult, importPlanFile } from '../../app/planApi.ts';
import { localiseLink } from '../../app/route.ts';
import { CloseIcon } from '../icons.tsx';
import { keepKeysInPanel } from '../panelKeys.ts';
import { UploadIcon } from '../planIcons.tsx';
import { LinkRow } from '../SharePanel.tsx';

const IMPORT_ROLES = ['facilitator', 'participant', 'viewer'] as const;

/** The server refuses more; saying so at once spares an upload. */
const MAX_PLAN_BYTES = PLAN_LIMITS.bytes;

type State = { step: 'choose' } | { step: 'sending' } | { step: 'done'; result: ImportResult };

function sizeText(bytes: number): string {
  return bytes < 1024
    ? `${bytes} bytes`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(0)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface Props {
  workshopId: string;
  token: string;
  onClose: () => void;
}

export function ImportDialog({ workshopId, token, onClose }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: 'choose' });
  const [dragging, setDragging] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const headingId = useId();
  const inputId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && state.step !== 'sending') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, state.step]);

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, []);

  const choose = (chosen: File | null | undefined) => {
    setLocalError(null);
    setState({ step: 'choose' });
    if (!chosen) return;
    if (chosen.size > MAX_PLAN_BYTES) {
      setFile(null);
      setLocalError(
        `${chosen.name} is ${sizeText(chosen.size)}; a plan file can be at most ${sizeText(MAX_PLAN_BYTES)}.`,
      );
      return;
    }
    setFile(chosen);
  };

  const send = async () => {
    if (!file) return;
    setState({ step: 'sending' });
    const text = await file.text();
    setState({ step: 'done', result: await importPlanFile(workshopId, token, text) });
  };

  const onDrop = (e: DragEvent<HTMLLabelElement>) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files[0]);
  };

  const result = state.step === 'done' ? state.result : null;
  return (
    <div className="modal-backdrop" data-testid="import-dialog">
      <div
        ref={dialogRef}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        onKeyDown={keepKeysInPanel}
      >
        <header className="modal-header">
          <div>
            <h2 id={headingId}>Import an action plan</h2>
            <p className="modal-lead">
              A plan exported as JSON becomes a new workshop with its board rebuilt, so the plan stays a living
              document. This board is not changed.
            </p>
          </div>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close the import dialog">
            <CloseIcon />
          </button>
        </header>

        {result?.ok ? (
          <div className="import-success" data-testid="import-success">
            <p className="import-success-title">
              Imported as a new workshop: <strong>{result.workshop.title}</strong>
            </p>
            {IMPORT_ROLES.map((r) => (
              <LinkRow key={r} role={r} link={localiseLink(result.workshop.links[r])} idPrefix="import" />
            ))}
            <div className="modal-actions">
              <button type="button" className="button button-secondary" onClick={onClose}>
                Close
              </button>
              <a
                className="button button-primary"
                href={localiseLink(result.workshop.links.facilitator)}
                target="_blank"
                rel="noopener"
                data-testid="import-open"
              >
                Open the new workshop
              </a>
            </div>
          </div>
        ) : (
          <>
            <label
              htmlFor={inputId}
              className={`dropzone${dragging ? ' dropzone-over' : ''}`}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
            >
              <UploadIcon />
              {file ? (
                <span>
                  <strong>{file.name}</strong> <span className="muted">({sizeText(file.size)})</span>
                  <br />
                  <span className="muted">Choose another file, or drop it here</span>
                </span>
              ) : (
                <span>
                  <strong>Choose a plan file (.json)</strong>
                  <br />
                  <span className="muted">or drop it here</span>
                </span>
              )}
              <input
                id={inputId}
                className="visually-hidden"
                type="file"
                accept=".json,application/json"
                data-testid="import-file"
                onChange={(e) => choose(e.target.files?.[0])}
              />
            </label>
            {localError && (
              <p className="form-error" role="alert">
                {localError}
              </p>
            )}
            {result && !result.ok && (
              <div className="import-problems" role="alert" data-testid="import-problems">
                <p className="import-problems-title">
                  {result.problems.length > 0
                    ? `${result.message.charAt(0).toUpperCase()}${result.message.slice(1)}: nothing was imported. Fix ${
                        result.problems.length + result.moreProblems === 1 ? 'this problem' : 'these problems'
                      } and try again.`
                    : `${result.message.charAt(0).toUpperCase()}${result.message.slice(1)}.`}
                </p>
                {result.problems.length > 0 && (
                  <ol className="problem-list">
                    {result.problems.map((problem, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: problems are fixed once shown
                      <li key={i} className="problem">
                        <span className="problem-where">{describePath(problem.path)}</span>
                        <span className="problem-what">{problem.message}</span>
                        {problem.path && <code className="problem-pointer">{problem.path}</code>}
                      </li>
                    ))}
                  </ol>
                )}
                {result.moreProblems > 0 && (
                  <p className="muted">…and {result.moreProblems} more problems not shown.</p>
                )}
              </div>
            )}
            <div className="modal-actions">
              <button type="button" className="button button-secondary" onClick={onClose}>
                Cancel
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={!file || state.step === 'sending'}
                data-testid="import-submit"
                onClick={send}
              >
                {state.step === 'sending' ? 'Importing…' : 'Import as a new workshop'}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

// A form generated from a kind's field specs: a collaborative text box per text field, an input per
// atomic value, and an editable list of rows per list field. Every write goes through the model
// with the local origin; a refused value leaves the document unchanged and says why.
import { Fragment, type ReactNode } from 'react';
import {
  type FieldSpec,
  type FieldSpecs,
  type ItemRef,
  insertListItem,
  removeListItem,
  updateCard,
  updateLink,
  updateListItem,
} from '../../../shared/model/index.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../../sync/origin.ts';
import type { ToolContext } from '../../tools/context.ts';
import { PlusIcon, TrashIcon } from '../icons.tsx';
import { CollabText } from './CollabText.tsx';
import { AtomicInput, type AtomicSpec, enumLabel } from './fieldInputs.tsx';

type ListSpec = Extract<FieldSpec, { type: 'list' }>;

function report(error: unknown): void {
  useBoardStore.getState().notify(error instanceof Error ? error.message : String(error), 'error');
}

export function writeFields(ctx: ToolContext, item: ItemRef, fields: Record<string, unknown>): void {
  if (!ctx.canEdit) return;
  try {
    if (item.type === 'card') updateCard(ctx.doc, item.id, { fields }, LOCAL_ORIGIN);
    else updateLink(ctx.doc, item.id, { fields }, LOCAL_ORIGIN);
  } catch (error) {
    report(error);
  }
}

function guarded(ctx: ToolContext, fn: () => void): void {
  if (!ctx.canEdit) return;
  try {
    fn();
  } catch (error) {
    report(error);
  }
}

export const fieldId = (item: ItemRef, name: string) => `inspector-${item.id}-${name}`;

interface FieldProps {
  ctx: ToolContext;
  item: ItemRef;
  name: string;
  spec: FieldSpec;
  value: unknown;
}

/** One field with its label, by spec type. */
export function Field({ ctx, item, name, spec, value }: FieldProps) {
  const id = fieldId(item, name);
  const readOnly = !ctx.canEdit;
  switch (spec.type) {
    case 'text':
      return (
        <div className="field">
          <label className="field-label" htmlFor={id}>
            {spec.label}
          </label>
          <CollabText
            doc={ctx.doc}
            item={item}
            field={name}
            multiline={spec.multiline === true}
            readOnly={readOnly}
            id={id}
          />
        </div>
      );
    case 'list':
      return <ListField ctx={ctx} item={item} name={name} spec={spec} value={value} />;
    case 'boolean':
      return (
        <AtomicInput
          spec={spec}
          id={id}
          value={value}
          readOnly={readOnly}
          testId={`field-${name}`}
          onCommit={(next) => writeFields(ctx, item, { [name]: next })}
        />
      );
    default:
      return (
        <div className="field">
          <label className="field-label" htmlFor={id}>
            {spec.label}
          </label>
          <AtomicInput
            spec={spec}
            id={id}
            value={value}
            readOnly={readOnly}
            testId={`field-${name}`}
            onCommit={(next) => writeFields(ctx, item, { [name]: next })}
          />
        </div>
      );
  }
}

interface FormProps {
  ctx: ToolContext;
  item: ItemRef;
  specs: FieldSpecs;
  values: Record<string, unknown>;
  /** The fields to show, in order. */
  names: readonly string[];
  /** Fields drawn by the caller instead (an interaction's score buttons). */
  custom?: Readonly<Record<string, ReactNode>>;
}

/** The fields in order; consecutive dates share a row (start and end side by side). */
export function FieldForm({ ctx, item, specs, values, names, custom }: FormProps) {
  const groups: string[][] = [];
  for (const name of names) {
    const last = groups[groups.length - 1];
    const isDate = specs[name]?.type === 'date';
    if (isDate && last && specs[last[0] as string]?.type === 'date' && last.length < 2) last.push(name);
    else groups.push([name]);
  }
  return (
    <div className="field-form">
      {groups.map((group) => {
        const key = group.join('+');
        if (group.length === 2) {
          const [a, b] = group as [string, string];
          const start = values[a];
          const end = values[b];
          const backwards = typeof start === 'string' && typeof end === 'string' && start && end && end < start;
          return (
            <div key={key} className="field-group">
              <div className="field-row">
                {group.map((name) => (
                  <Field
                    key={name}
                    ctx={ctx}
                    item={item}
                    name={name}
                    spec={specs[name] as FieldSpec}
                    value={values[name]}
                  />
                ))}
              </div>
              {backwards && <p className="field-warning">The end date is before the start date.</p>}
            </div>
          );
        }
        const name = group[0] as string;
        const override = custom?.[name];
        if (override !== undefined) return <Fragment key={key}>{override}</Fragment>;
        const spec = specs[name];
        if (!spec) return null;
        return <Field key={key} ctx={ctx} item={item} name={name} spec={spec} value={values[name]} />;
      })}
    </div>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SHORT_LABEL_CHARS = 14;

/** Whether a value fits half a row: numbers, dates, codes and enums with short labels. */
function isNarrow(key: string, spec: AtomicSpec): boolean {
  switch (spec.type) {
    case 'number':
    case 'date':
      return true;
    case 'string':
      return /currency|code/i.test(key);
    case 'enum':
      return spec.values.every((v) => enumLabel(spec, v).length <= SHORT_LABEL_CHARS);
    default:
      return false;
  }
}

interface RowCell {
  key: string;
  spec: AtomicSpec;
  wide: boolean;
}

/**
 * The inputs of one list entry on a two-column grid: narrow values two to a row where two follow
 * each other; a narrow value left alone shares its row with a text neighbour (an actor's name and
 * role, a milestone's date and description); everything else takes a whole row.
 */
function rowLayout(item: FieldSpecs): RowCell[] {
  const cells: (RowCell & { paired: boolean })[] = [];
  for (const [key, spec] of Object.entries(item)) {
    if (spec.type === 'list') continue;
    const atomic: AtomicSpec = spec.type === 'text' ? { type: 'string', label: spec.label } : spec;
    cells.push({ key, spec: atomic, wide: !isNarrow(key, atomic), paired: false });
  }
  const pair = (a: RowCell & { paired: boolean }, b: RowCell & { paired: boolean }) => {
    a.paired = b.paired = true;
    a.wide = b.wide = false;
  };
  for (let i = 0; i + 1 < cells.length; i++) {
    const [a, b] = [cells[i], cells[i + 1]] as [RowCell & { paired: boolean }, RowCell & { paired: boolean }];
    if (!a.paired && !b.paired && !a.wide && !b.wide) pair(a, b);
  }
  const canShare = (c: (RowCell & { paired: boolean }) | undefined) => c && !c.paired && c.spec.type === 'string';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as RowCell & { paired: boolean };
    if (cell.wide || cell.paired) continue;
    const before = cells[i - 1];
    const after = cells[i + 1];
    if (before && canShare(before)) pair(before, cell);
    else if (after && canShare(after)) pair(cell, after);
    else cell.wide = true;
  }
  return cells;
}

interface ListProps {
  ctx: ToolContext;
  item: ItemRef;
  name: string;
  spec: ListSpec;
  value: unknown;
}

/** A list field: one row per entry, each key of an entry its own input, with add and remove. */
function ListField({ ctx, item, name, spec, value }: ListProps) {
  const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const noun = spec.itemLabel ?? 'entry';
  const readOnly = !ctx.canEdit;
  const headingId = `${fieldId(item, name)}-heading`;
  const add = () =>
    guarded(ctx, () => {
      insertListItem(ctx.doc, item, name, rows.length, {}, LOCAL_ORIGIN);
      // Focus the first input of the new row once it is drawn.
      requestAnimationFrame(() => {
        document.getElementById(`${fieldId(item, name)}-${rows.length}-${Object.keys(spec.item)[0]}`)?.focus();
      });
    });
  return (
    <section className="list-field" aria-labelledby={headingId} data-testid={`list-${name}`}>
      <div className="list-head">
        <h3 className="field-label" id={headingId}>
          {spec.label}
        </h3>
        {rows.length > 0 && <span className="list-count">{rows.length}</span>}
      </div>
      {rows.length === 0 && <p className="list-empty">{readOnly ? 'None.' : `No ${noun} yet.`}</p>}
      {rows.length > 0 && (
        <ol className="list-rows">
          {rows.map((row, index) => (
            // Entries have no ids: the index is their identity, as in the model's operations.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index} className="list-row" data-testid={`list-${name}-${index}`}>
              <div className="list-row-head">
                <span className="list-row-title">
                  {capitalise(noun)} {index + 1}
                </span>
                {!readOnly && (
                  <button
                    type="button"
                    className="icon-button icon-button-small list-remove"
                    aria-label={`Remove ${noun} ${index + 1}`}
                    title={`Remove ${noun} ${index + 1}`}
                    data-testid={`remove-${name}-${index}`}
                    onClick={() => guarded(ctx, () => removeListItem(ctx.doc, item, name, index, LOCAL_ORIGIN))}
                  >
                    <TrashIcon />
                  </button>
                )}
              </div>
              <div className="list-row-grid">
                {rowLayout(spec.item).map(({ key, spec: atomic, wide }) => {
                  const id = `${fieldId(item, name)}-${index}-${key}`;
                  return (
                    <div key={key} className={`field${wide ? ' field-wide' : ''}`}>
                      {atomic.type !== 'boolean' && (
                        <label className="field-label field-label-small" htmlFor={id}>
                          {atomic.label}
                        </label>
                      )}
                      <AtomicInput
                        spec={atomic}
                        id={id}
                        value={row[key]}
                        readOnly={readOnly}
                        testId={`field-${name}-${index}-${key}`}
                        onCommit={(next) =>
                          guarded(ctx, () => updateListItem(ctx.doc, item, name, index, { [key]: next }, LOCAL_ORIGIN))
                        }
                      />
                    </div>
                  );
                })}
              </div>
            </li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <button
          type="button"
          className="button button-secondary button-compact list-add"
          data-testid={`add-${name}`}
          onClick={add}
        >
          <PlusIcon />
          <span>Add {noun}</span>
        </button>
      )}
    </section>
  );
}

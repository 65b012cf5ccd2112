/**
 * The pieces pages repeat, written once: a text field, a choice from a list, a table of rows and
 * the busy/error state of a form or button that sends something to the API.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import { messageOf } from './api.ts';
import { Alert, Empty, Field, Loading } from './ui.tsx';

interface FieldCommon {
  label: string;
  hint?: string;
  error?: string | null;
  required?: boolean;
}

/**
 * A labelled text input (any of the text-like types) with its hint and error. `required` marks the
 * label; `refuseEmpty` marks it too and makes the input itself required, so that the browser keeps
 * the form from being sent while it is empty (for forms that do not check the field themselves).
 */
export function TextField(
  props: FieldCommon & {
    value: string;
    onInput(value: string): void;
    type?: 'text' | 'url' | 'number' | 'email' | 'tel' | 'password' | 'date' | 'time' | 'datetime-local' | 'search';
    refuseEmpty?: boolean;
    min?: number | string;
    max?: number | string;
    minLength?: number;
    maxLength?: number;
    autoComplete?: string;
    inputMode?: 'text' | 'email' | 'tel' | 'numeric' | 'decimal' | 'url' | 'search';
    placeholder?: string;
    testId?: string;
  },
) {
  const { label, hint, error, required, refuseEmpty, value, onInput, type = 'text', testId, ...rest } = props;
  return (
    <Field label={label} hint={hint} error={error} required={required || refuseEmpty}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type={type}
          required={refuseEmpty}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={value}
          data-testid={testId}
          {...rest}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/** One choice of a list: each option's value and the words shown for it. */
interface Choice<T extends string> {
  value: T;
  label: string;
}

/** A labelled select of `options`; `none` adds an empty first option with these words. */
export function SelectField<T extends string>(
  props: FieldCommon & { value: T | ''; options: readonly Choice<T>[]; onChange(value: T): void; none?: string },
) {
  const { label, hint, error, required, value, options, onChange, none } = props;
  return (
    <Field label={label} hint={hint} error={error} required={required}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as T)}>
          {none !== undefined ? <option value="">{none}</option> : null}
          <Options choices={options} />
        </select>
      )}
    </Field>
  );
}

/** A column of a DataTable: its heading (only for screen readers when `hidden`) and what a row shows in it. */
export interface Column<T> {
  header: string;
  hidden?: boolean;
  cell(row: T): ComponentChildren;
}

/**
 * Rows under column headings, named for screen readers by `caption`; each cell carries its
 * column's heading (data-label) so that narrow screens show the table as cards, or, with
 * `scroll`, let a wide table scroll sideways instead. `rowTestId` names every row for tests.
 */
interface DataTableProps<T> {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey(row: T): string | number;
  rowClass?(row: T): string | undefined;
  rowTestId?: string;
  class?: string;
  scroll?: boolean;
}

export function DataTable<T>(props: DataTableProps<T>): JSX.Element {
  const { caption, columns, rows, rowKey, rowClass, rowTestId, scroll } = props;
  const table = (
    <table class={props.class ?? (scroll ? undefined : 'list-table')}>
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.hidden ? <span class="sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} class={rowClass?.(row)} data-testid={rowTestId}>
            {columns.map((c) => (
              <td key={c.header} data-label={c.hidden ? undefined : c.header}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return scroll ? <div class="table-scroll">{table}</div> : table;
}

/**
 * A list loaded with useAsync, as a DataTable: a spinner until the first answer, the error in the
 * user's language, `empty` when there are no rows.
 */
export function ListTable<T>(
  props: Omit<DataTableProps<T>, 'rows'> & {
    list: { value: { items: T[] } | null | undefined; error: string | null; loading: boolean };
    empty: string;
  },
): JSX.Element {
  const { list, empty, ...table } = props;
  return (
    <>
      {list.loading && !list.value ? <Loading /> : null}
      <Alert>{list.error}</Alert>
      {list.value && !list.value.items.length ? <Empty>{empty}</Empty> : null}
      {list.value?.items.length ? <DataTable {...table} rows={list.value.items} /> : null}
    </>
  );
}

/**
 * The state of sending something: `run` marks the work busy, clears the last error, and on a
 * failure keeps the API's message in the user's language; it answers whether the work succeeded.
 * A second run while one is busy is ignored.
 */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** A labelled multi-line text box with its hint and error; `required` and `refuseEmpty` as for TextField. */
export function TextAreaField(
  props: FieldCommon & { value: string; onInput(value: string): void; refuseEmpty?: boolean; rows?: number; maxLength?: number },
) {
  const { label, hint, error, required, refuseEmpty, value, onInput, ...rest } = props;
  return (
    <Field label={label} hint={hint} error={error} required={required || refuseEmpty}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          required={refuseEmpty}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={value}
          {...rest}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/** data-* attributes that tests and styles read, on a table or one of its rows. */
export type DataAttributes = Record<`data-${string}`, string | boolean>;

/** A row of a RowTable: the words that name it (its row header), its other cells. */
export interface NamedRow {
  key: string | number;
  name: ComponentChildren;
  cells: readonly ComponentChildren[];
  data?: DataAttributes;
}

/**
 * Figures in rows, each named by its row header, under column headings when there are some (the
 * first heads the row headers): `headers` in words, or `head`, heading cells laid out by hand
 * (such as SortHeaders). Unlike DataTable's, the caption shows unless `captionClass` hides it.
 */
export function RowTable(props: {
  caption?: string;
  captionClass?: string;
  headers?: readonly string[];
  head?: ComponentChildren;
  rows: readonly NamedRow[];
  class?: string;
  data?: DataAttributes;
}): JSX.Element {
  const { caption, captionClass, headers, head, rows } = props;
  return (
    <table class={props.class} {...props.data}>
      {caption !== undefined ? <caption class={captionClass}>{caption}</caption> : null}
      {headers ? (
        <ColumnHeads labels={headers} />
      ) : head ? (
        <thead>
          <tr>{head}</tr>
        </thead>
      ) : null}
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} {...row.data}>
            <th scope="row">{row.name}</th>
            {row.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The options of a select laid out by hand (inside its own label, or in a table's cell). */
export function Options<T extends string>({ choices }: { choices: readonly Choice<T>[] }): JSX.Element {
  return (
    <>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </>
  );
}

/**
 * A column heading that sorts its table when pressed; aria-sort tells how the table is sorted
 * now, and with `marker` an arrow shows it to the eye.
 */
export function SortHeader(props: { label: string; sort: 'ascending' | 'descending' | 'none'; onSort(): void; buttonClass: string; marker?: boolean }): JSX.Element {
  const { label, sort, onSort, buttonClass, marker } = props;
  return (
    <th scope="col" aria-sort={sort}>
      <button type="button" class={buttonClass} onClick={onSort}>
        {label}
        {marker ? <span aria-hidden="true">{sort === 'descending' ? ' ▼' : sort === 'ascending' ? ' ▲' : ''}</span> : null}
      </button>
    </th>
  );
}

/**
 * A form that checks its own fields (so the browser's checks are off): sending it runs `onSend`
 * in the page instead of loading another.
 */
export function Form(props: Omit<JSX.HTMLAttributes<HTMLFormElement>, 'onSubmit'> & { onSend(): unknown }): JSX.Element {
  const { onSend, children, ...rest } = props;
  return (
    <form
      noValidate
      {...rest}
      onSubmit={(e) => {
        e.preventDefault();
        void onSend();
      }}
    >
      {children}
    </form>
  );
}

/** The column headings of a table laid out by hand, in words. */
export function ColumnHeads({ labels }: { labels: readonly string[] }): JSX.Element {
  return (
    <thead>
      <tr>
        {labels.map((label, i) => (
          <th key={i} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

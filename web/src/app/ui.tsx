/** Building blocks shared by the pages: labelled fields, messages, the unit picker. */
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { api, messageOf, type List, type Query } from './api.ts';
import { tOr, useI18n } from './i18n.ts';
import type { Unit } from './apiTypes.ts';
import { unitName } from './unitNames.ts';
import { petitionCategories, roles, type Role } from '../../../server/contract/domain.ts';
// components.tsx builds on Field and Alert from here; its SelectField is used only when rendering.
import { SelectField } from './components.tsx';

/** A page's heading: receives focus after navigation so screen readers announce the page. */
export function PageTitle({ children }: { children: ComponentChildren }) {
  return (
    <h1 id="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Alert({ kind = 'error', children }: { kind?: 'error' | 'info' | 'success'; children: ComponentChildren }) {
  if (!children) return null;
  return (
    <div class={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** A page whose subject did not load: the page's title, why, and the way back. */
export function NotLoaded({ title, error, back, backLabel }: { title: string; error: string | null; back: string; backLabel: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Alert>{error}</Alert>
      <p>
        <a href={back}>{backLabel}</a>
      </p>
    </>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

interface FieldProps {
  label: string;
  hint?: string;
  error?: string | null;
  required?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => JSX.Element;
}

/** A label tied to its control, with hint and error announced through aria-describedby. */
export function Field({ label, hint, error, required, children }: FieldProps) {
  const { t } = useI18n();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>
        {label}
        {required ? <span class="required"> ({t('common.required')})</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, describedBy, invalid: !!error })}
      {error ? (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Radio buttons inside a fieldset whose legend names the choice. */
export function RadioGroup<T extends string>(props: {
  legend: string;
  name: string;
  value: T | '';
  options: Array<{ value: T; label: string; hint?: string }>;
  onChange(value: T): void;
  error?: string | null;
}) {
  const id = useId();
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <fieldset class={`field radio-group${props.error ? ' field-invalid' : ''}`} aria-describedby={errorId}>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label class="radio" key={option.value}>
          <input
            type="radio"
            name={props.name}
            value={option.value}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />
          <span>
            {option.label}
            {option.hint ? <span class="hint-inline">{option.hint}</span> : null}
          </span>
        </label>
      ))}
      {props.error ? (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function Checkbox(props: { label: string; checked: boolean; onChange(checked: boolean): void; hint?: string }) {
  const id = useId();
  return (
    <div class="checkbox">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span class={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

/** Copies text; falls back to selecting it when the clipboard is not available. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      class="button secondary"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
        } catch {
          const area = document.createElement('textarea');
          area.value = text;
          document.body.appendChild(area);
          area.select();
          document.execCommand('copy');
          area.remove();
        }
        setDone(true);
        setTimeout(() => setDone(false), 2500);
      }}
    >
      {done ? t('common.copied') : label}
    </button>
  );
}

/** Runs a loader when its inputs change; answers the value, a readable error, and reload. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): {
  value: T | undefined;
  error: string | null;
  loading: boolean;
  reload(): void;
  set(value: T): void;
} {
  const [state, setState] = useState<{ value?: T; error: string | null; loading: boolean }>({ error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (value) => live && setState({ value, error: null, loading: false }),
      (e: unknown) => live && setState({ error: messageOf(e), loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return {
    value: state.value,
    error: state.error,
    loading: state.loading,
    reload: useCallback(() => setTick((n) => n + 1), []),
    set: (value: T) => setState({ value, error: null, loading: false }),
  };
}

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * A combobox that finds units by name, with or without diacritics (the server's search):
 * type, move with the arrow keys, Enter picks.
 */
export function UnitPicker(props: {
  label: string;
  value: Unit | null;
  onChange(unit: Unit | null): void;
  /** Called on every keystroke, so a page that fills in a default unit later knows the person already started typing. */
  onTyping?(): void;
  error?: string | null;
  hint?: string;
  required?: boolean;
  autoFocus?: boolean;
}) {
  const { t, locale } = useI18n();
  const [text, setText] = useState(props.value ? unitName(props.value, locale) : '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [results, setResults] = useState<Unit[]>([]);
  const [searchError, setSearchError] = useState<string | null>(null);
  const query = useDebounced(text, 200);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  // A unit set from outside (or picked) shows its name; clearing keeps what the person typed.
  useEffect(() => {
    if (props.value) setText(unitName(props.value, locale));
  }, [props.value?.code, locale]);

  useEffect(() => {
    const q = query.trim();
    if (!open || q.length < 2 || (props.value && q === unitName(props.value, locale))) {
      setResults([]);
      return;
    }
    let live = true;
    api.get<List<Unit>>('/units', { q, limit: 10 }).then(
      (list) => {
        if (!live) return;
        setResults(list.items.slice(0, 10));
        setActive(0);
        setSearchError(null);
      },
      (e: unknown) => live && setSearchError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [query, open]);

  const pick = (unit: Unit) => {
    props.onChange(unit);
    setText(unitName(unit, locale));
    setOpen(false);
    setResults([]);
  };

  const showList = open && results.length > 0;
  return (
    <Field label={props.label} hint={props.hint ?? t('unitPicker.hint')} error={props.error ?? searchError} required={props.required}>
      {({ id, describedBy, invalid }) => (
        <div class="combobox">
          <input
            id={id}
            ref={inputRef}
            type="text"
            role="combobox"
            autoComplete="off"
            autoFocus={props.autoFocus}
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={listId}
            aria-activedescendant={showList ? `${listId}-${active}` : undefined}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={text}
            onInput={(e) => {
              setText((e.currentTarget as HTMLInputElement).value);
              setOpen(true);
              props.onTyping?.();
              if (props.value) props.onChange(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && results.length) {
                e.preventDefault();
                setOpen(true);
                setActive((a) => Math.min(a + 1, results.length - 1));
              } else if (e.key === 'ArrowUp' && results.length) {
                e.preventDefault();
                setActive((a) => Math.max(a - 1, 0));
              } else if (e.key === 'Enter' && showList) {
                e.preventDefault();
                pick(results[active]);
              } else if (e.key === 'Escape') {
                setOpen(false);
              }
            }}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
          />
          <ul id={listId} role="listbox" class="combobox-list" hidden={!showList} aria-label={props.label}>
            {results.map((unit, i) => (
              <li
                key={unit.code}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                class={i === active ? 'active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(unit);
                }}
              >
                <span>{unitName(unit, locale)}</span>
                <span class="muted small">
                  {' '}
                  · {tOr(`level.${unit.level}`, unit.level ?? '')} · {unit.code}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Field>
  );
}

/** Shows what a list query found, or a readable message while loading or on failure. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** The topic of a petition, optional: the common categories in the interface's language. */
export function CategorySelect({ value, onChange }: { value: string; onChange(category: string): void }) {
  const { t } = useI18n();
  const options = petitionCategories.map((c) => ({ value: c, label: t(`category.${c}`) }));
  return <SelectField<string> label={t('raise.category')} value={value} none={t('raise.categoryNone')} options={options} onChange={onChange} />;
}

/** One of the roles an official may hold, in the interface's language. */
export function RoleSelect({ label, value, onChange }: { label: string; value: Role; onChange(role: Role): void }) {
  const { t } = useI18n();
  return <SelectField label={label} value={value} options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} onChange={onChange} />;
}

/**
 * A list the API answers a page at a time ({ items, next }): the first page whenever the
 * inputs change, then a "Show more" button that adds the next one.
 */
export function usePages<T>(path: string, query: Query, deps: unknown[]) {
  const first = useAsync(() => api.get<List<T>>(path, query), deps);
  const key = JSON.stringify(deps);
  const [more, setMore] = useState<{ key: string; items: T[]; next?: string; fetched: boolean; error: string | null }>({
    key,
    items: [],
    fetched: false,
    error: null,
  });
  // Pages added for other inputs do not belong to this list.
  const added = more.key === key ? more : { key, items: [] as T[], next: undefined, fetched: false, error: null };
  const next = added.fetched ? added.next : first.value?.next;
  const loadMore = async () => {
    try {
      const page = await api.get<List<T>>(path, { ...query, cursor: next });
      setMore({ key, items: [...added.items, ...page.items], next: page.next, fetched: true, error: null });
    } catch (e) {
      setMore({ ...added, error: messageOf(e) });
    }
  };
  return {
    items: first.value ? [...first.value.items, ...added.items] : undefined,
    loading: first.loading,
    error: first.error,
    moreError: added.error,
    next,
    loadMore,
  };
}

/** The button under a paged list, and why the next page did not come. */
export function MoreButton({ pages }: { pages: { next?: string; moreError: string | null; loadMore(): Promise<void> } }) {
  const { t } = useI18n();
  return (
    <>
      <Alert>{pages.moreError}</Alert>
      {pages.next ? (
        <button type="button" class="button secondary" onClick={() => void pages.loadMore()}>
          {t('inbox.more')}
        </button>
      ) : null}
    </>
  );
}

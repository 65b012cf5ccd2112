import { useState } from 'preact/hooks';
import { api, type List, type Query } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import { navigate, type PageProps } from '../../app/router.ts';
import type { PetitionSummary, Unit } from '../../app/apiTypes.ts';
import { channels, openStatuses, petitionKinds, petitionStatuses } from '../../../../server/contract/domain.ts';
import { Alert, Field, Loading, MoreButton, PageTitle, UnitPicker, useAsync, usePages } from '../../app/ui.tsx';
import { hasRole, useSession, type Me } from '../../app/session.ts';
import { PetitionTable } from './PetitionTable.tsx';
import { AwaitingReview } from './AwaitingReview.tsx';
import { FilterSelect } from './FilterSelect.tsx';
import { ExportLinks } from '../../app/ExportLinks.tsx';
import { caseLeaders, caseWorkers, intakeWatchers } from '../../../../server/contract/roleSets.ts';

type View = 'mine' | 'leading' | 'new' | 'toAssign' | 'dueSoon' | 'overdue' | 'all';
const views: View[] = ['new', 'mine', 'leading', 'toAssign', 'dueSoon', 'overdue', 'all'];

/** The statuses of a case still to be resolved. */
const open = openStatuses.join(',');

function viewQuery(view: View): Query {
  switch (view) {
    case 'mine':
      return { assignedTo: 'me', status: open, sort: 'due' };
    case 'leading':
      return { leader: 'me', status: open, sort: 'due' };
    case 'new':
      // Waiting for acceptance: after intake or after a transfer from another unit.
      return { status: 'received,transferred', sort: 'due' };
    case 'toAssign':
      return { status: 'accepted', sort: 'due' };
    case 'dueSoon':
      return { dueBefore: new Date(Date.now() + 2 * 86400_000).toISOString(), sort: 'due' };
    case 'overdue':
      return { overdue: true, sort: 'due' };
    default:
      return {};
  }
}

/** Where an official lands: a leader on the cases they answer for, a dispatcher on what is to accept, a handler on their own cases. */
function homeView(me: Me | null): View {
  if (hasRole(me, caseLeaders)) return 'leading';
  if (hasRole(me, intakeWatchers)) return 'new';
  if (hasRole(me, caseWorkers)) return 'mine';
  return 'all';
}

const countLimit = 100;

export default function InboxPage({ query }: PageProps) {
  const { t } = useI18n();
  const { me } = useSession();
  const view = (views.includes(query.get('view') as View) ? query.get('view') : homeView(me)) as View;
  // Only the filters set: an empty one must not clear the view's own (the statuses of "to accept").
  const filters: Query = Object.fromEntries(
    ['unit', 'status', 'kind', 'channel', 'q'].flatMap((name) => (query.get(name) ? [[name, query.get(name)]] : [])),
  );
  // "Cases I answer for" is a leader's view; the others are every official's.
  const shown = views.filter((v) => v !== 'leading' || hasRole(me, caseLeaders));
  const key = query.toString();
  const list = usePages<PetitionSummary>('/petitions', { ...viewQuery(view), ...filters, limit: 50 }, [key]);
  const counts = useAsync(
    () =>
      Promise.all(
        shown.map((v) =>
          api
            .get<List<PetitionSummary>>('/petitions', { ...viewQuery(v), limit: countLimit })
            .then((l) => [v, l.items.length, !!l.next] as const, () => [v, null, false] as const),
        ),
      ),
    [],
  );
  const [unit, setUnit] = useState<Unit | null>(null);

  const setQuery = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) {
      if (v) params.set(k, v);
      else params.delete(k);
    }
    navigate(`/staff?${params.toString()}`);
  };

  return (
    <>
      <PageTitle>{t('inbox.title')}</PageTitle>
      <ExportLinks label={t('exports.petitions')} path="/petitions/export" params={{ unit: filters.unit as string | undefined }} />
      <nav aria-label={t('inbox.views')}>
        <ul class="tabs">
          {shown.map((v) => {
            const c = counts.value?.find(([name]) => name === v);
            const count = c && c[1] !== null ? `${c[1]}${c[2] ? '+' : ''}` : null;
            const params = new URLSearchParams(query);
            params.set('view', v);
            return (
              <li key={v}>
                <a href={`/staff?${params.toString()}`} aria-current={v === view ? 'page' : undefined}>
                  {t(`inbox.view.${v}`)}
                  {count !== null ? (
                    <span class="count" aria-label={t('inbox.countLabel', { count: c![1] ?? 0 })}>
                      {count}
                    </span>
                  ) : null}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <details class="filters" open={Object.values(filters).some(Boolean)}>
        <summary>{t('inbox.filters')}</summary>
        <form
          class="form filter-form"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget as HTMLFormElement);
            setQuery({
              q: String(data.get('q') ?? '').trim() || undefined,
              status: String(data.get('status') ?? '') || undefined,
              kind: String(data.get('kind') ?? '') || undefined,
              channel: String(data.get('channel') ?? '') || undefined,
              unit: unit?.code ?? (filters.unit as string | undefined),
            });
          }}
        >
          <Field label={t('inbox.search')}>
            {({ id }) => <input id={id} name="q" type="search" defaultValue={(filters.q as string) ?? ''} />}
          </Field>
          <FilterSelect label={t('track.status')} name="status" value={(filters.status as string) ?? ''} options={petitionStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          <FilterSelect label={t('track.kind')} name="kind" value={(filters.kind as string) ?? ''} options={petitionKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          <FilterSelect label={t('case.channel')} name="channel" value={(filters.channel as string) ?? ''} options={channels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          <UnitPicker label={t('track.unit')} value={unit} onChange={setUnit} hint={filters.unit ? t('inbox.unitFilter', { code: filters.unit }) : undefined} />
          <div class="button-row">
            <button type="submit" class="button primary">
              {t('inbox.apply')}
            </button>
            <button
              type="button"
              class="button secondary"
              onClick={() => {
                setUnit(null);
                setQuery({ q: undefined, status: undefined, kind: undefined, channel: undefined, unit: undefined });
              }}
            >
              {t('inbox.clear')}
            </button>
          </div>
        </form>
      </details>
      {view === 'leading' && !filters.status ? (
        <>
          <AwaitingReview />
          <h2>{t('inbox.view.leading')}</h2>
        </>
      ) : null}
      {list.loading && !list.items ? <Loading /> : null}
      <Alert>{list.error}</Alert>
      {list.items ? <PetitionTable items={list.items} caption={t(`inbox.view.${view}`)} /> : null}
      <MoreButton pages={list} />
    </>
  );
}

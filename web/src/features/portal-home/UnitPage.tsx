import { api, ApiError, type List } from '../../app/api.ts';
import { rememberUnit } from '../../app/devicePetitions.ts';
import { tOr, useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { fetchFigures, rates, yearToDate } from '../../app/figures.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, Loading, NotLoaded, PageTitle, useAsync } from '../../app/ui.tsx';
import { fetchPublicPetitions, mapPoints, PublicPetitionList } from '../../app/publicPetitions.tsx';
import { PlaceMap } from '../../app/map/PlaceMap.tsx';
import { ActionCards } from './ActionCards.tsx';
import { useEffect, useMemo, useState } from 'preact/hooks';

function FiguresAtAGlance({ unit }: { unit: Unit }) {
  const i = useI18n();
  const { t } = i;
  const period = yearToDate();
  const stats = useAsync(
    () =>
      fetchFigures(unit.code, period.from, period.to).catch((e: unknown) => {
        if (e instanceof ApiError && e.missingRoute) return null;
        throw e;
      }),
    [unit.code],
  );
  return (
    <section aria-labelledby="glance-heading" class="glance">
      <h2 id="glance-heading">{t('unit.glance', { year: new Date().getFullYear() })}</h2>
      {stats.loading ? <Loading /> : null}
      <Alert>{stats.error}</Alert>
      {stats.value === null ? <p class="muted">{t('figures.unavailable')}</p> : null}
      {stats.value ? (
        <dl class="numbers">
          <div>
            <dt>{t('figures.received')}</dt>
            <dd>{i.number(stats.value.received)}</dd>
          </div>
          <div>
            <dt>{t('figures.resolved')}</dt>
            <dd>{i.number(stats.value.resolved)}</dd>
          </div>
          <div>
            <dt>{t('figures.resolutionRate')}</dt>
            <dd>{i.percent(rates(stats.value).resolutionRate)}</dd>
          </div>
          <div>
            <dt>{t('figures.satisfactionRate')}</dt>
            <dd>{i.percent(rates(stats.value).satisfactionRate)}</dd>
          </div>
        </dl>
      ) : null}
      <p>
        <a href={`/figures?unit=${encodeURIComponent(unit.code)}`}>{t('unit.allFigures')}</a>
        {' · '}
        <a href={`/units/${encodeURIComponent(unit.code)}/staff`}>{t('conduct.directoryTitle')}</a>
      </p>
    </section>
  );
}

/** How many of a unit's public petitions its page lists and maps. */
const publicShown = 50;
/** The list shows the newest few until asked for all (the map shows every one). */
const listedFirst = 10;

/** What residents here agreed to publish, newest first: on a map (places rounded) and as a list. */
function PublicPetitions({ unit }: { unit: Unit }) {
  const { t, locale } = useI18n();
  const items = useAsync(() => fetchPublicPetitions(unit.code, { limit: publicShown }), [unit.code]);
  const points = useMemo(() => mapPoints(items.value ?? []), [items.value]);
  const [all, setAll] = useState(false);
  return (
    <section aria-labelledby="public-heading">
      <h2 id="public-heading">{t('unit.publicHeading')}</h2>
      <Alert>{items.error}</Alert>
      {points.length ? (
        <>
          <p class="hint">{t('unit.publicMapHint')}</p>
          <PlaceMap label={t('unit.publicMap', { unit: unitName(unit, locale) })} points={points} country={unit.country} />
        </>
      ) : null}
      {items.value?.length ? <PublicPetitionList items={all ? items.value : items.value.slice(0, listedFirst)} /> : items.value ? <p class="muted">{t('unit.publicEmpty')}</p> : null}
      {!all && items.value && items.value.length > listedFirst ? (
        <button type="button" class="button secondary" onClick={() => setAll(true)}>
          {t('unit.publicAll', { count: items.value.length })}
        </button>
      ) : null}
    </section>
  );
}

export function UnitPage({ params }: PageProps) {
  const { t, locale } = useI18n();
  const unit = useAsync(() => api.get<Unit>(`/units/${encodeURIComponent(params.code)}`), [params.code]);
  const children = useAsync(
    () => api.get<List<Unit>>('/units', { parent: params.code, limit: 100 }).catch(() => ({ items: [] as Unit[] })),
    [params.code],
  );
  useEffect(() => {
    if (unit.value) rememberUnit({ code: unit.value.code, name: unitName(unit.value, locale) });
  }, [unit.value, locale]);

  if (unit.loading) return <Loading />;
  if (unit.error || !unit.value) {
    return <NotLoaded title={t('unit.title')} error={unit.error} back="/" backLabel={t('notFound.home')} />;
  }
  const u = unit.value;
  const code = encodeURIComponent(u.code);
  return (
    <>
      {u.ancestors?.length ? (
        <nav aria-label={t('unit.breadcrumb')}>
          <ol class="breadcrumb">
            {u.ancestors.map((a) => (
              <li key={a.code}>
                <a href={`/units/${encodeURIComponent(a.code)}`}>{unitName(a, locale)}</a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <PageTitle>{unitName(u, locale)}</PageTitle>
      <p class="muted">
        {tOr(`level.${u.level}`, u.level ?? '')} · {t('unit.code')} {u.code}
      </p>
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('unit.whatHere')}</h2>
        <ActionCards
          cards={[
            { href: `/petitions/new?unit=${code}`, title: t('home.raise'), text: t('unit.raiseText', { unit: unitName(u, locale) }) },
            { href: '/track', title: t('home.track'), text: t('home.trackText') },
          ]}
        />
      </section>
      <FiguresAtAGlance unit={u} />
      <PublicPetitions unit={u} />
      {children.value && children.value.items.length > 0 ? (
        <section aria-labelledby="below-heading">
          <h2 id="below-heading">{t('unit.below')}</h2>
          <ul class="unit-results columns">
            {children.value.items.map((c) => (
              <li key={c.code}>
                <a href={`/units/${encodeURIComponent(c.code)}`}>{unitName(c, locale)}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

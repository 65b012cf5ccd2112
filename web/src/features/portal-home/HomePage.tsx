import { useEffect, useState } from 'preact/hooks';
import { api, messageOf, type List } from '../../app/api.ts';
import { rememberedUnit } from '../../app/devicePetitions.ts';
import { tOr, useI18n } from '../../app/i18n.ts';
import type { Unit } from '../../app/apiTypes.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, Empty, PageTitle, useDebounced } from '../../app/ui.tsx';
import { ActionCards } from './ActionCards.tsx';

function UnitSearch({ autoFocus = false }: { autoFocus?: boolean }) {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const [results, setResults] = useState<Unit[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (q.length < 2) {
      setResults(null);
      return;
    }
    let live = true;
    api.get<List<Unit>>('/units', { q, limit: 20 }).then(
      (list) => {
        if (!live) return;
        setResults(list.items);
        setError(null);
      },
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [q]);

  return (
    <form class="search" role="search" onSubmit={(e) => e.preventDefault()}>
      <label for="unit-search">{t('home.searchLabel')}</label>
      <p class="hint" id="unit-search-hint">
        {t('home.searchHint')}
      </p>
      <input
        id="unit-search"
        type="search"
        autoComplete="off"
        autoFocus={autoFocus}
        aria-describedby="unit-search-hint"
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
      />
      <Alert>{error}</Alert>
      <div aria-live="polite">
        {results && results.length === 0 ? <Empty>{t('home.noUnits', { q })}</Empty> : null}
        {results && results.length > 0 ? (
          <>
            <p class="sr-only">{t('home.found', { count: results.length })}</p>
            <ul class="unit-results">
              {results.map((unit) => (
                <li key={unit.code}>
                  <a href={`/units/${encodeURIComponent(unit.code)}`}>
                    <strong>{unitName(unit, locale)}</strong>
                    <span class="muted small">
                      {tOr(`level.${unit.level}`, unit.level ?? '')} · {unit.code}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </form>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const remembered = rememberedUnit();
  return (
    <>
      <section class="hero">
        <PageTitle>{t('home.heading')}</PageTitle>
        <p class="lead">{t('home.lead')}</p>
      </section>
      {remembered ? (
        <p class="remembered">
          {t('home.yourUnit')} <a href={`/units/${encodeURIComponent(remembered.code)}`}>{remembered.name}</a>
        </p>
      ) : null}
      <UnitSearch />
      <section aria-labelledby="what-heading">
        <h2 id="what-heading">{t('home.whatHeading')}</h2>
        <ActionCards
          cards={[
            { href: '/petitions/new', title: t('home.raise'), text: t('home.raiseText') },
            { href: '/track', title: t('home.track'), text: t('home.trackText') },
            { href: '/figures', title: t('home.figures'), text: t('home.figuresText') },
          ]}
        />
      </section>
    </>
  );
}

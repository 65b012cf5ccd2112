/** The page a counter's or an official's QR code opens on the resident's own phone. */
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.ts';
import type { PageProps } from '../../app/router.ts';
import { unitName } from '../../app/unitNames.ts';
import { Alert, Loading, PageTitle, useAsync } from '../../app/ui.tsx';
import { RatingForm } from './RatingForm.tsx';
import type { Place } from './types.ts';

export function RatePage({ params }: PageProps) {
  const { t, locale } = useI18n();
  const path = `/rate/${encodeURIComponent(params.token)}`;
  const place = useAsync(() => api.get<Place>(path), [params.token]);
  return (
    <>
      <PageTitle>{t('conduct.rateTitle')}</PageTitle>
      {place.loading && !place.value ? <Loading /> : null}
      <Alert>{place.error}</Alert>
      {place.value ? (
        <>
          <p class="muted">
            {place.value.servicePoint.name} · {unitName(place.value.unit, locale)}
          </p>
          <RatingForm place={place.value} send={(input) => api.post(path, input)} />
        </>
      ) : null}
    </>
  );
}

/**
 * A map on a page: the petition's place (picked by the resident, shown to staff) and other
 * petitions as points. Leaflet and its styles load only when a map is drawn (leafletMap.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useI18n } from '../i18n.ts';
import type { MapHandle } from './leafletMap.ts';
import type { MapPoint, MapSettings } from './types.ts';

export type { MapPoint } from './types.ts';

let settings: Promise<MapSettings> | null = null;
/** The tile source, asked once per visit (GET /api/v1/config). */
function mapSettings(): Promise<MapSettings> {
  settings ??= api.get<{ map: MapSettings }>('/config').then((c) => c.map);
  settings.catch(() => (settings = null));
  return settings;
}

/** Where a map with nothing on it starts: the unit's country. */
const countryViews: Record<string, { lat: number; lng: number; zoom: number }> = {
  VN: { lat: 16.2, lng: 106.3, zoom: 5 },
  CN: { lat: 34.5, lng: 105.0, zoom: 4 },
};

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

interface PlaceMapProps {
  /** What the map shows, for screen readers. */
  label: string;
  place?: { lat: number; lng: number } | null;
  points?: MapPoint[];
  /** Given: a tap on the map (or the centre button) chooses the place. */
  onPick?: (place: { lat: number; lng: number }) => void;
  country?: string;
}

export function PlaceMap({ label, place = null, points, onPick, country }: PlaceMapProps) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const [handle, setHandle] = useState<MapHandle | null>(null);
  const [failed, setFailed] = useState(false);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    let live = true;
    let made: MapHandle | null = null;
    Promise.all([mapSettings(), import('./leafletMap.ts')]).then(
      ([s, leaflet]) => {
        if (!live || !element.current) return;
        const start = place ? { ...place, zoom: 16 } : (countryViews[country ?? 'VN'] ?? countryViews.VN);
        // A picked place keeps six decimals (about 10 cm): more says nothing about a street.
        const picked = (p: { lat: number; lng: number }) => pick.current?.({ lat: round6(p.lat), lng: round6(p.lng) });
        made = leaflet.createMap(element.current, s, { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') }, start, onPick ? picked : undefined);
        setHandle(made);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      made?.destroy();
    };
  }, []);

  useEffect(() => {
    handle?.setPlace(place, { fly: !!onPick });
  }, [handle, place?.lat, place?.lng]);
  useEffect(() => {
    // The points frame the view unless a place is chosen: the resident's pin stays in sight.
    if (points) handle?.setPoints(points, !place);
  }, [handle, points]);

  if (failed) return <p class="muted">{t('map.unavailable')}</p>;
  return (
    <div class="place-map">
      <div ref={element} class="map" role="region" aria-label={label} data-testid="map" data-ready={handle ? 'true' : undefined} />
      {onPick ? (
        <div class="button-row">
          <button type="button" class="button secondary" disabled={!handle} onClick={() => handle && pick.current?.({ lat: round6(handle.centre().lat), lng: round6(handle.centre().lng) })}>
            {t('map.pickCentre')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

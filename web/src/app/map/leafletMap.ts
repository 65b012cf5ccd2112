/**
 * The map itself (Leaflet), loaded only by the pages that show one: it is not part of the first
 * load. Points are drawn as circles (no marker images to fetch); the tiles come from the server's
 * setting (GET /api/v1/config).
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapPoint, MapSettings, MapTexts } from './types.ts';

export interface MapHandle {
  /** The one chosen place (the resident's pick, the case's place); null: none. */
  setPlace(place: { lat: number; lng: number } | null, opts?: { fly?: boolean }): void;
  /** Other points: the unit's public petitions, nearby reports. */
  /** fit: move the view so that every point shows. */
  setPoints(points: MapPoint[], fit: boolean): void;
  centre(): { lat: number; lng: number };
  destroy(): void;
}

const placeStyle: L.CircleMarkerOptions = { radius: 10, color: '#b3261e', weight: 3, fillColor: '#e8453c', fillOpacity: 0.9 };
const pointStyle: L.CircleMarkerOptions = { radius: 8, color: '#0b5cad', weight: 2, fillColor: '#3b82d6', fillOpacity: 0.7 };

export function createMap(
  element: HTMLElement,
  settings: MapSettings,
  texts: MapTexts,
  view: { lat: number; lng: number; zoom: number },
  onPick?: (place: { lat: number; lng: number }) => void,
): MapHandle {
  const map = L.map(element, { zoomControl: false, attributionControl: false }).setView([view.lat, view.lng], view.zoom);
  L.control.zoom({ zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut }).addTo(map);
  L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);
  L.tileLayer(settings.tilesUrl, { attribution: settings.attribution, maxZoom: 19 }).addTo(map);

  let place: L.CircleMarker | null = null;
  const points = L.layerGroup().addTo(map);
  if (onPick) map.on('click', (e: L.LeafletMouseEvent) => onPick({ lat: e.latlng.lat, lng: e.latlng.lng }));

  return {
    setPlace(p, opts) {
      place?.remove();
      place = null;
      if (!p) return;
      place = L.circleMarker([p.lat, p.lng], placeStyle).addTo(map);
      place.getElement()?.setAttribute('data-testid', 'map-place');
      if (opts?.fly) map.setView([p.lat, p.lng], Math.max(map.getZoom(), 16));
    },
    setPoints(list, fit) {
      points.clearLayers();
      for (const p of list) {
        const marker = L.circleMarker([p.lat, p.lng], pointStyle).addTo(points);
        const link = document.createElement('a');
        link.href = p.href;
        link.textContent = p.label;
        marker.bindPopup(link);
        marker.getElement()?.setAttribute('data-testid', 'map-point');
        marker.getElement()?.setAttribute('data-code', p.code);
      }
      if (fit && list.length) map.fitBounds(L.latLngBounds(list.map((p) => [p.lat, p.lng] as [number, number])).pad(0.2), { maxZoom: 16 });
    },
    centre() {
      const c = map.getCenter();
      return { lat: c.lat, lng: c.lng };
    },
    destroy() {
      map.remove();
    },
  };
}

/** What the map pages and the lazily loaded map share. */
export interface MapSettings {
  tilesUrl: string;
  attribution: string;
}

export interface MapTexts {
  zoomIn: string;
  zoomOut: string;
}

/** A point besides the chosen place: a petition, with a link to follow it. */
export interface MapPoint {
  code: string;
  lat: number;
  lng: number;
  label: string;
  href: string;
}

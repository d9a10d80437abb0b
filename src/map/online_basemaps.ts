import type { BasemapId } from '../state/store';

// The optional online basemaps: their tile URLs and attributions. Plain data with no imports
// but a type, because the build reads it too: the Content-Security-Policy allows exactly these
// tile hosts (scripts/vite-csp.ts), so adding a basemap here is all it takes.

export interface OnlineBasemap {
  id: Exclude<BasemapId, 'offline'>;
  tiles: string[];
  maxzoom: number;
  attribution: string;
}

export const ONLINE_BASEMAPS: readonly OnlineBasemap[] = [
  {
    id: 'osm',
    tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    maxzoom: 19,
    attribution: '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a> contributors',
  },
  {
    id: 'satellite',
    tiles: ['https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}'],
    maxzoom: 18,
    attribution: 'Tiles © Esri — Source: Esri, Maxar, Earthstar Geographics, and the GIS User Community',
  },
  {
    id: 'topo',
    tiles: ['https://a.tile.opentopomap.org/{z}/{x}/{y}.png', 'https://b.tile.opentopomap.org/{z}/{x}/{y}.png'],
    maxzoom: 17,
    attribution:
      'Map data: © <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a> contributors, SRTM | Map style: © <a href="https://opentopomap.org" target="_blank" rel="noopener">OpenTopoMap</a> (CC-BY-SA)',
  },
];

/** The origins the online basemaps load tiles from ("https://tile.openstreetmap.org"). */
export function basemapOrigins(list: readonly OnlineBasemap[] = ONLINE_BASEMAPS): string[] {
  return [...new Set(list.flatMap((b) => b.tiles.map((u) => new URL(u.replace(/[{}]/g, '')).origin)))];
}

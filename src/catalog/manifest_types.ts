// The data-pack manifest: the single description of every layer the app shows.
// Rendering, legends, popups, filters and search all read it, so a new layer is a
// manifest edit, never a code change. Documented for pack authors in docs/data-packs.md.

import type { Lang, Localized } from '../i18n/lang';

export type { Lang, Localized };
import type { PackFormatId } from '../io/formats/pack_formats';

export const MANIFEST_SCHEMA_VERSION = 1;

export type GeometryKind = 'polygon' | 'line' | 'point';

/** A layer file's format: the registry formats a pack may use (io/formats/pack_formats.ts). */
export type LayerFormat = PackFormatId;

export type Renderer = 'auto' | 'maplibre' | 'deck';

export interface CsvCoordinates {
  /** Column holding longitude in decimal degrees (WGS 84). */
  lon: string;
  /** Column holding latitude in decimal degrees (WGS 84). */
  lat: string;
}

/** Fields every style kind accepts. */
interface StyleBase {
  /** Polygon fill opacity relative to the layer opacity, 0..1; default 1. Outlines stay at
   *  the layer opacity, so boundaries can be outlines with a faint (or no) fill. */
  fillOpacity?: number;
}

export interface SingleStyle extends StyleBase {
  type: 'single';
  color: string;
  /** Outline colour for polygons; default: a darker shade of `color`. */
  outlineColor?: string;
  /** Outline or line width in px; default 1 for polygons, 2 for lines. */
  width?: number;
  /** Circle radius in px for points; default 6. */
  radius?: number;
  /** Legend text; default: the layer title. */
  label?: Localized;
}

export interface CategoryClass {
  value: string | number;
  color: string;
  label: Localized;
}

export interface CategoriesStyle extends StyleBase {
  type: 'categories';
  field: string;
  categories: CategoryClass[];
  /** Colour for values not listed; default grey. */
  otherColor?: string;
  otherLabel?: Localized;
  outlineColor?: string;
  width?: number;
  radius?: number;
}

export interface GraduatedClass {
  /** Inclusive lower bound; the first class may omit it. */
  min?: number;
  /** Exclusive upper bound; the last class may omit it. */
  max?: number;
  color: string;
  label?: Localized;
}

export interface GraduatedStyle extends StyleBase {
  type: 'graduated';
  field: string;
  classes: GraduatedClass[];
  outlineColor?: string;
  width?: number;
  radius?: number;
  /** Unit shown in generated legend labels, e.g. "ha" or "triệu đồng". */
  unit?: Localized;
  /** How the classes were computed (style/classify.ts), kept so the style editor can show it. */
  method?: 'quantile' | 'equal-interval' | 'natural-breaks';
  /** Colour ramp the classes were coloured with (style/classify.ts RAMPS). */
  ramp?: 'ylgnbu' | 'blues' | 'greens' | 'viridis' | 'cividis';
  /** Some features have no value in `field` (drawn grey): the legend lists "no data". */
  noData?: boolean;
}

export type LayerStyle = SingleStyle | CategoriesStyle | GraduatedStyle;

export type FieldFormat = 'text' | 'number' | 'integer' | 'percent' | 'year';

export interface PopupField {
  field: string;
  label: Localized;
  format?: FieldFormat;
  /** Fraction digits for number/percent; default 1. */
  digits?: number;
  unit?: Localized;
  /** Labels for coded values (e.g. "ntm" → "Nông thôn mới"). The style's categories are
   *  used automatically for the field the layer is coloured by. */
  values?: Record<string, Localized>;
}

export interface PopupSpec {
  /** Field whose value is the popup heading; default: the layer title. */
  titleField?: string;
  fields: PopupField[];
}

export interface LabelSpec {
  field: string;
  /** Zoom below which labels are hidden; default 0. */
  minzoom?: number;
  color?: string;
  size?: number;
}

export interface FilterSpec {
  field: string;
  label: Localized;
}

export interface Provenance {
  source: Localized;
  attribution?: string;
  license?: string;
  date?: string;
  url?: string;
}

export interface LayerSpec {
  id: string;
  title: Localized;
  group: string;
  file: string;
  format: LayerFormat;
  /** Required when format is csv. */
  coordinates?: CsvCoordinates;
  geometry: GeometryKind;
  /** Shown when the app starts; default true. */
  visible?: boolean;
  /** 0..1; default 0.8 for polygons, 1 otherwise. */
  opacity?: number;
  style: LayerStyle;
  /** Optional legend heading; the items always come from `style`. */
  legendTitle?: Localized;
  popup?: PopupSpec;
  label?: LabelSpec;
  filters?: FilterSpec[];
  provenance: Provenance;
  /** True when the data is made up for demonstration; the UI says so. */
  illustrative?: boolean;
  /** Who draws it; `auto` sends large point sets to deck.gl. */
  renderer?: Renderer;
  /**
   * Offered to the statistics and the area-of-interest breakdown; default true. False for a
   * reference outline (the district boundary), which would only measure itself.
   */
  measured?: boolean;
  description?: Localized;
  /** Present on an editable (plan) layer: the fields its form, table and exports use. */
  plan?: PlanSpec;
}

/** The type of a plan field, which decides its form control and how its value is checked. */
export type PlanFieldType = 'text' | 'number' | 'integer' | 'date' | 'choice';

export interface PlanChoice {
  /** Stored and exported as it is. */
  value: string;
  label: Localized;
}

/** A field of a plan template, declared by the pack (manifest `planTemplates`). */
export interface PlanField {
  /** Attribute name as stored and exported; up to 10 ASCII characters keeps it whole in a shapefile. */
  name: string;
  type: PlanFieldType;
  label: Localized;
  required?: boolean;
  /** For type `choice`: the values offered, with their labels. */
  choices?: PlanChoice[];
  /** Shown after a number, e.g. { vi: 'cây/ha', en: 'trees/ha' }. */
  unit?: Localized;
  /** A short help text under the control. */
  hint?: Localized;
}

/** A kind of plan layer a user can create ("Planting plan 2026", "Proposed crop zone", ...). */
export interface PlanTemplate {
  id: string;
  title: Localized;
  geometry: GeometryKind;
  fields: PlanField[];
  /** The new layer's style; default one colour. */
  style?: LayerStyle;
  description?: Localized;
}

/** What makes a layer editable: its template (null for an imported layer made editable) and fields. */
export interface PlanSpec {
  templateId: string | null;
  fields: PlanField[];
}

/**
 * Fields the app computes on every plan feature as its geometry changes; names fit a
 * shapefile's 10 characters. Area is geodesic (analysis/area.ts, as the statistics); the
 * commune is the one holding most of the feature's area in the active boundary set.
 */
export const PLAN_COMPUTED_FIELDS = { areaHa: 'area_ha', communeCode: 'ma_xa', communeName: 'ten_xa' } as const;

export interface GroupSpec {
  id: string;
  title: Localized;
}

export interface BoundarySetSpec {
  id: string;
  title: Localized;
  /** Id of a polygon layer in `layers`. */
  layer: string;
  codeField: string;
  nameField: string;
  /** Optional field with the unit type ("Xã", "Thị trấn"), shown in search results. */
  typeField?: string;
  /**
   * The units of this set are unions of the units of another set (communes merged on
   * 1 July 2025): statistics computed on the other set can be re-aggregated onto this one.
   */
  aggregates?: AggregationSpec;
}

/** "Unit `fromField` of set `from` became part of unit `toField` of this set", per a pack table. */
export interface AggregationSpec {
  /** id of the boundary set whose units were merged */
  from: string;
  /** id of a table in `tables` with one row per unit of `from` */
  table: string;
  /** the table's column with the code of the unit in `from` */
  fromField: string;
  /** the table's column with the code of the unit in this set */
  toField: string;
}

/** A non-spatial table shipped with the pack (e.g. a planting plan), for statistics. */
export interface TableSpec {
  id: string;
  title: Localized;
  file: string;
  provenance?: Provenance;
}

export interface PackManifest {
  schemaVersion: number;
  id: string;
  title: Localized;
  description?: Localized;
  /** Pack-wide notice shown on the map, e.g. that boundaries are schematic. */
  notice?: Localized;
  illustrative?: boolean;
  /** [west, south, east, north] in WGS 84: the initial view. */
  bounds: [number, number, number, number];
  groups: GroupSpec[];
  boundarySets?: BoundarySetSpec[];
  defaultBoundarySet?: string;
  layers: LayerSpec[];
  tables?: TableSpec[];
  /** Kinds of plan layers users can create from this pack. */
  planTemplates?: PlanTemplate[];
}

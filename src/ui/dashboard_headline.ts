import type { LayerSpec, TableSpec } from '../catalog/manifest_types';
import type { StatsResult } from '../analysis/overlay_stats';
import type { AppStore } from '../state/store';
import { plantingHeadline, type Headline, type PlanRow } from '../analysis/dashboard_rows';
import { statsRequest, type StatsRequest } from '../analysis/stats_request';
import { formatNumber, localize, t } from '../i18n/i18n';
import { clear, h } from './dom';
import { fetchPackTable } from '../io/pack_tables';

// The dashboard's headline: hectares planted in a year (the planting layer grouped by year,
// measured by the engine over the active boundary set) against the pack's plan table.

/** "Planted in year Y (layer grouped by a year field) against the plan table". */
export interface HeadlineSpec {
  layer: string;
  groupBy: string;
  /** id of a manifest table with columns year, commune_code, plan_ha */
  table: string;
  /** default: the latest plan year with planting */
  year?: string;
}

export const DEFAULT_HEADLINE: HeadlineSpec = { layer: 'planting-areas', groupBy: 'year', table: 'planting-plan' };

export interface HeadlineDeps {
  store: AppStore;
  spec: HeadlineSpec;
  compute(req: Extract<StatsRequest, { ok: true }>, signal: AbortSignal): Promise<StatsResult>;
}

export interface HeadlineView {
  element: HTMLElement;
  refresh(): void;
  render(): void;
  cancel(): void;
}

export function createHeadline(deps: HeadlineDeps): HeadlineView {
  const { store, spec } = deps;
  const element = h('section', { class: 'dash-headline', id: 'dash-headline', 'aria-live': 'polite', hidden: true });
  let value: { headline: Headline; layer: LayerSpec; table: TableSpec } | null = null;
  let controller: AbortController | null = null;

  const loadPlan = async (packUrl: string, table: TableSpec): Promise<PlanRow[]> => {
    const [rows, plan] = await Promise.all([fetchPackTable(packUrl, table), import('../analysis/planting_plan')]);
    return plan.planFromRows(rows).rows;
  };

  const render = () => {
    clear(element);
    element.hidden = !value;
    if (!value) return;
    const l = store.getState().lang;
    const { headline } = value;
    element.classList.toggle('is-met', headline.pct >= 100);
    element.append(
      h('h3', { text: t(l, 'dash.headlineTitle', { year: headline.year }) }),
      h('p', {
        class: 'dash-headline__value',
        id: 'dash-headline-value',
        text: t(l, 'dash.headlineValue', {
          planted: formatNumber(headline.plantedHa, l, 1),
          plan: formatNumber(headline.planHa, l, 1),
          pct: formatNumber(headline.pct, l, 1, 1),
        }),
      }),
      h('div', { class: 'dash-headline__bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.min(100, headline.pct).toFixed(1)}%` })),
      h('p', { class: 'dash-headline__source', text: t(l, 'dash.headlineSource', { layer: localize(value.layer.title, l), table: localize(value.table.title, l) }) }),
    );
  };

  const refresh = () => {
    const s = store.getState();
    const table = s.pack.manifest?.tables?.find((x) => x.id === spec.table);
    const req = statsRequest(s, { layer: spec.layer, groupBy: spec.groupBy });
    if (!table || !s.pack.url || !req.ok) {
      // keep the figure on screen while data is still loading
      if (!table || (!req.ok && req.reason !== 'loading')) {
        value = null;
        render();
      }
      return;
    }
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    Promise.all([loadPlan(s.pack.url, table), deps.compute(req, mine.signal)])
      .then(([plan, result]) => {
        if (controller !== mine) return;
        controller = null;
        const headline = plantingHeadline(result.rows, plan, spec.year);
        value = headline ? { headline, layer: req.layer, table } : null;
        render();
      })
      .catch(() => {
        if (controller !== mine) return;
        controller = null;
        value = null;
        render();
      });
  };

  return {
    element,
    refresh,
    render,
    cancel: () => {
      controller?.abort();
      controller = null;
    },
  };
}

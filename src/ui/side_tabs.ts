import type { AppStore } from '../state/store';
import { t } from '../i18n/i18n';

// The side panel's tabs (Layers / Present), following the WAI-ARIA tabs pattern: arrow keys
// move between tabs, only the selected tab is in the Tab order.

export function mountSideTabs(tablist: HTMLElement, store: AppStore): () => void {
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role=tab]')];
  const select = (tab: HTMLButtonElement, focus: boolean) => {
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute('aria-selected', String(on));
      other.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(other.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !on;
    }
    if (focus) tab.focus();
  };
  for (const [i, tab] of tabs.entries()) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      e.preventDefault();
      select(tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!, true);
    });
  }
  const applyLang = () => {
    const lang = store.getState().lang;
    const [layers, meeting] = tabs;
    if (layers) layers.textContent = t(lang, 'tabs.layers');
    if (meeting) meeting.textContent = t(lang, 'tabs.meeting');
    const aoi = tabs.find((tab) => tab.id === 'tab-aoi');
    if (aoi) aoi.textContent = t(lang, 'tabs.aoi');
  };
  applyLang();
  return store.subscribe((s) => s.lang, applyLang);
}

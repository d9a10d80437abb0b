// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../state/store';
import { mountUpdatePrompt } from './update_prompt';

function createPrompt(lang: 'vi' | 'en' = 'vi') {
  const store = createAppStore(lang);
  const container = document.createElement('div');
  const updates: number[] = [];
  const prompt = mountUpdatePrompt(container, { store, onUpdate: () => updates.push(1) });
  const root = () => container.querySelector('.update-prompt') as HTMLElement;
  const apply = () => container.querySelector('.update-prompt__apply') as HTMLButtonElement;
  const later = () => container.querySelector('.update-prompt__later') as HTMLButtonElement;
  return { store, container, prompt, updates, root, apply, later };
}

describe('update prompt', () => {
  it('is mounted hidden and appears only when shown', () => {
    const p = createPrompt();
    expect(p.root().hidden).toBe(true);
    expect(p.prompt.visible).toBe(false);
    p.prompt.show();
    expect(p.root().hidden).toBe(false);
    expect(p.prompt.visible).toBe(true);
  });

  it('speaks Vietnamese by default and English after the language changes', () => {
    const p = createPrompt('vi');
    expect(p.root().textContent).toContain('Có phiên bản mới');
    expect(p.apply().textContent).toBe('Cập nhật');
    expect(p.later().getAttribute('aria-label')).toBe('Để sau');
    p.store.getState().setLang('en');
    expect(p.root().textContent).toContain('A new version is available');
    expect(p.apply().textContent).toBe('Update');
    expect(p.later().getAttribute('aria-label')).toBe('Later');
  });

  it('is a non-modal status, not a dialog', () => {
    const p = createPrompt();
    expect(p.root().getAttribute('role')).toBe('status');
    expect(p.root().getAttribute('aria-modal')).toBeNull();
  });

  it('never updates by itself: showing, hiding and language changes call nothing', () => {
    const p = createPrompt();
    p.prompt.show();
    p.store.getState().setLang('en');
    p.prompt.hide();
    p.prompt.show();
    expect(p.updates).toEqual([]);
  });

  it('updates once when the button is pressed, and says it is updating', () => {
    const p = createPrompt('en');
    p.prompt.show();
    p.apply().click();
    p.apply().click();
    expect(p.updates).toEqual([1]);
    expect(p.apply().disabled).toBe(true);
    expect(p.apply().textContent).toBe('Updating…');
  });

  it('"Later" hides it without updating', () => {
    const p = createPrompt();
    p.prompt.show();
    p.later().click();
    expect(p.prompt.visible).toBe(false);
    expect(p.updates).toEqual([]);
  });

  it('unmount removes it and stops following the language', () => {
    const p = createPrompt();
    const apply = p.apply();
    p.prompt.unmount();
    expect(p.container.querySelector('.update-prompt')).toBeNull();
    p.store.getState().setLang('en');
    expect(apply.textContent).toBe('Cập nhật');
  });
});

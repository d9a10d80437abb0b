// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { swatch } from './dom';

describe('swatch', () => {
  it('sets a valid colour through the CSSOM', () => {
    const el = swatch('swatch', '#1a9850');
    expect(el.style.backgroundColor).not.toBe('');
    expect(el.getAttribute('aria-hidden')).toBe('true');
  });

  it('leaves out a colour that carries another declaration or a URL', () => {
    for (const c of ['red;background-image:url(http://evil.example/x)', 'rgb(0,0,0;background-image:url(http://evil.example/x)', 'url(http://evil.example/x)']) {
      const el = swatch('swatch', c);
      expect(el.getAttribute('style') ?? '', c).not.toMatch(/url|evil/);
      expect(el.style.backgroundImage, c).toBe('');
    }
  });
});

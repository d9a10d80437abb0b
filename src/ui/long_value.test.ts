// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_SHOWN_CHARS, copyText, longValue, shortText, truncateText } from './long_value';

function createClipboard(fail = false) {
  const written: string[] = [];
  return {
    written,
    writeText: async (s: string) => {
      if (fail) throw new Error('denied');
      written.push(s);
    },
  };
}

describe('truncateText', () => {
  it('keeps short values whole', () => {
    expect(truncateText('Mường Tè')).toEqual({ text: 'Mường Tè', truncated: false });
    expect(truncateText('x'.repeat(MAX_SHOWN_CHARS)).truncated).toBe(false);
  });

  it('cuts long values to the bound and adds an ellipsis', () => {
    const r = truncateText('a'.repeat(MAX_SHOWN_CHARS + 1));
    expect(r.truncated).toBe(true);
    expect(r.text).toBe(`${'a'.repeat(MAX_SHOWN_CHARS)}…`);
  });

  it('never splits a surrogate pair', () => {
    expect(shortText('ab𝔸c', 3)).toBe('ab…');
    expect(shortText('a𝔸bc', 3)).toBe('a𝔸…');
  });
});

describe('longValue', () => {
  it('shows a short value as text, without a copy button', () => {
    const el = longValue('<b>x</b>', 'vi');
    expect(el.textContent).toBe('<b>x</b>');
    expect(el.querySelector('b')).toBeNull();
    expect(el.querySelector('button')).toBeNull();
  });

  it('shows a 5 MB value cut short, as text, with a Copy button that copies all of it', async () => {
    const big = `<img src=x onerror="alert(1)">${'x'.repeat(5_000_000)}`;
    const clipboard = createClipboard();
    const el = longValue(big, 'en', { clipboard });
    document.body.append(el);
    const shown = el.querySelector('.long-value__text')!;
    expect(shown.textContent).toBe(`${big.slice(0, MAX_SHOWN_CHARS)}…`);
    expect(el.querySelector('img')).toBeNull();
    const button = el.querySelector('button')!;
    expect(button.textContent).toBe('Copy');
    expect(button.getAttribute('aria-label')).toBe('Copy the whole value (5,000,030 characters)');
    button.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(clipboard.written).toEqual([big]);
    expect(el.querySelector('.long-value__status')?.textContent).toBe('Copied');
    el.remove();
  });

  it('labels the button in Vietnamese', () => {
    const el = longValue('y'.repeat(400), 'vi');
    expect(el.querySelector('button')?.textContent).toBe('Sao chép');
    expect(el.querySelector('button')?.getAttribute('aria-label')).toBe('Sao chép toàn bộ giá trị (400 ký tự)');
  });
});

describe('copyText', () => {
  it('falls back to select-and-copy when the Clipboard API refuses', async () => {
    const calls: string[] = [];
    const original = document.execCommand;
    document.execCommand = ((cmd: string) => {
      calls.push(`${cmd}:${document.querySelector('textarea')?.value ?? ''}`);
      return true;
    }) as typeof document.execCommand;
    try {
      expect(await copyText('abc', document, createClipboard(true))).toBe(true);
      expect(calls).toEqual(['copy:abc']);
      expect(document.querySelector('textarea')).toBeNull();
    } finally {
      document.execCommand = original;
    }
  });
});

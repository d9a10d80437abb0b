// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../state/store';
import { createImportOptionsDialog, importCrsChoices } from './import_options_dialog';
import type { OptionsRequest } from '../app/import_layers';
import { MAX_MESSAGE_CHARS, MAX_SHOWN_CHARS } from './long_value';

const noCoords: OptionsRequest = {
  file: 'diem.csv',
  error: { key: 'import.error.csvNoCoordinates', params: { file: 'diem.csv', columns: 'Số hiệu, Bắc, Đông' } },
  columns: ['Số hiệu', 'Bắc', 'Đông'],
  rows: [{ 'Số hiệu': 'M1', Bắc: 2480123.5, Đông: 451234.2 }],
  previous: {},
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

describe('import options dialog', () => {
  it('offers TM-3 103° and other meridians, UTM 48N/49N and WGS 84', () => {
    const ids = importCrsChoices().map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['EPSG:4326', 'VN2000:TM3:103', 'VN2000:TM3:104.75', 'EPSG:3405', 'EPSG:3406']));
  });

  it('lists the columns, guesses metres and northing, and returns the chosen options', async () => {
    const store = createAppStore('vi');
    const d = createImportOptionsDialog(store);
    const answer = d.ask(noCoords);
    await Promise.resolve();
    await Promise.resolve();
    expect(d.element.open).toBe(true);
    expect($('import-options-heading').textContent).toBe('Chọn cột tọa độ');
    expect([...$<HTMLSelectElement>('import-options-a').options].map((o) => o.value)).toEqual(['', 'Số hiệu', 'Bắc', 'Đông']);
    // the error message is repeated in the dialog, naming the file
    expect($('import-options-message').textContent).toContain('diem.csv');
    expect($<HTMLSelectElement>('import-options-crs').value).toBe('VN2000:TM3:103');
    $<HTMLSelectElement>('import-options-a').value = 'Bắc';
    $<HTMLSelectElement>('import-options-a').dispatchEvent(new Event('change'));
    $<HTMLSelectElement>('import-options-b').value = 'Đông';
    $<HTMLSelectElement>('import-options-b').dispatchEvent(new Event('change'));
    expect($<HTMLInputElement>('import-options-northing').checked).toBe(true);
    $<HTMLButtonElement>('import-options-import').click();
    await expect(answer).resolves.toEqual({ crs: 'VN2000:TM3:103', csv: { x: 'Bắc', y: 'Đông', xIsNorthing: true } });
    expect(d.element.open).toBe(false);
    d.element.remove();
  });

  it('refuses to import without two columns, and Cancel returns null', async () => {
    const store = createAppStore('en');
    const d = createImportOptionsDialog(store);
    const answer = d.ask({ ...noCoords, columns: ['Mã xã', 'Tên xã'], rows: [] });
    await Promise.resolve();
    await Promise.resolve();
    $<HTMLButtonElement>('import-options-import').click();
    expect($('import-options-error').textContent).toContain('WKT');
    expect(d.element.open).toBe(true);
    $<HTMLButtonElement>('import-options-cancel').click();
    await expect(answer).resolves.toBeNull();
  });
});

describe('import options dialog: long header cells', () => {
  it('shows a huge column name cut short in the pickers but keeps it whole as the value', async () => {
    const store = createAppStore('en');
    const d = createImportOptionsDialog(store);
    const huge = `lon${'x'.repeat(1_000_000)}`;
    const answer = d.ask({ ...noCoords, columns: [huge, 'lat'], error: { key: 'import.error.csvNoCoordinates', params: { file: 'a.csv', columns: `${huge}, lat` } }, rows: [] });
    await Promise.resolve();
    await Promise.resolve();
    // earlier tests may leave their dialog behind: look inside this one
    const inside = <T extends HTMLElement>(id: string) => d.element.querySelector(`#${id}`) as T;
    const option = [...inside<HTMLSelectElement>('import-options-a').options].find((o) => o.value === huge)!;
    expect(option.textContent).toBe(`${huge.slice(0, MAX_SHOWN_CHARS)}…`);
    expect(inside('import-options-message').textContent!.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 1);
    inside<HTMLButtonElement>('import-options-cancel').click();
    await expect(answer).resolves.toBeNull();
    d.element.remove();
  });
});

describe('import options dialog: join to commune boundaries', () => {
  // dialogs left open by earlier tests would shadow these ids
  beforeEach(() => document.querySelectorAll('dialog').forEach((el) => el.remove()));
  // an offer as app/join_layer.ts makes it: names match on 2013, codes on 2025
  const offer = {
    sets: [{ id: '2013', title: { vi: 'Xã 2013–6/2025', en: 'Communes 2013–Jun 2025' } }, { id: '2025', title: { vi: 'Xã từ 1/7/2025', en: 'Communes from 1 Jul 2025' } }],
    boundarySet: '2013',
    detect: (set: string) => (set === '2013' ? { column: 'Tên xã', by: 'name' as const, matched: 2 } : { column: 'Mã xã', by: 'code' as const, matched: 1 }),
    preview: (column: string, set: string) => ({ matched: column === 'Tên xã' && set === '2013' ? 2 : 1, total: 3, by: column === 'Mã xã' ? ('code' as const) : ('name' as const) }),
  };
  const joinRequest: OptionsRequest = {
    ...noCoords,
    file: 'chi_tieu.csv',
    columns: ['Mã xã', 'Tên xã', 'NTM'],
    rows: [{ 'Mã xã': 3451, 'Tên xã': 'Mù Cả', NTM: 7 }],
    join: offer,
  };

  it('preselects the join with the detected column, follows the boundary set, and returns the choice', async () => {
    const d = createImportOptionsDialog(createAppStore('vi'));
    const answer = d.ask(joinRequest);
    await Promise.resolve();
    await Promise.resolve();
    expect($('import-options-heading').textContent).toBe('Chọn cột tọa độ hoặc nối với ranh giới xã');
    expect($<HTMLInputElement>('import-options-mode-join').checked).toBe(true);
    expect($('import-options-coords').hidden).toBe(true);
    expect($<HTMLSelectElement>('import-options-join-column').value).toBe('Tên xã');
    expect($('import-options-join-preview').textContent).toBe('Khớp 2/3 dòng theo tên xã.');
    $<HTMLSelectElement>('import-options-join-set').value = '2025';
    $<HTMLSelectElement>('import-options-join-set').dispatchEvent(new Event('change'));
    expect($<HTMLSelectElement>('import-options-join-column').value).toBe('Mã xã');
    expect($('import-options-join-preview').textContent).toBe('Khớp 1/3 dòng theo mã xã.');
    $<HTMLButtonElement>('import-options-import').click();
    await expect(answer).resolves.toEqual({ join: { column: 'Mã xã', boundarySet: '2025' } });
    d.element.remove();
  });

  it('switching to coordinates shows the column choice and imports by columns', async () => {
    const d = createImportOptionsDialog(createAppStore('en'));
    const answer = d.ask({ ...joinRequest, columns: ['Mã xã', 'Tên xã', 'lon', 'lat'] });
    await Promise.resolve();
    await Promise.resolve();
    // lon/lat look like coordinates, so the join is offered but not preselected
    expect($<HTMLInputElement>('import-options-mode-coords').checked).toBe(true);
    expect($('import-options-join').hidden).toBe(true);
    $<HTMLInputElement>('import-options-mode-join').click();
    expect($('import-options-coords').hidden).toBe(true);
    $<HTMLInputElement>('import-options-mode-coords').click();
    expect($('import-options-coords').hidden).toBe(false);
    $<HTMLButtonElement>('import-options-import').click();
    await expect(answer).resolves.toEqual({ crs: 'EPSG:4326', csv: { lon: 'lon', lat: 'lat' } });
    d.element.remove();
  });
});

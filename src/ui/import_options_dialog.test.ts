// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../state/store';
import { createImportOptionsDialog, importCrsChoices } from './import_options_dialog';
import type { OptionsRequest } from '../catalog/import_layers';

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

import { describe, expect, it } from 'vitest';
import { ACCEPT_EXTENSIONS } from './accept';
import { ACCEPT } from './registry';

describe('ACCEPT_EXTENSIONS', () => {
  it('offers exactly the extensions and MIME types the format registry parses', () => {
    expect(ACCEPT_EXTENSIONS.split(',').sort()).toEqual(ACCEPT.split(',').sort());
  });
});

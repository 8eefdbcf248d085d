import { describe, expect, it } from 'vitest';
import { checkLogoFile } from './company-logo-file';

describe('checkLogoFile', () => {
  it('takes a PNG or JPEG of at most 256 KB', () => {
    expect(checkLogoFile({ name: 'logo.png', type: 'image/png', size: 256 * 1024 })).toEqual({ ok: true, contentType: 'image/png' });
    expect(checkLogoFile({ name: 'logo.jpg', type: 'image/jpeg', size: 1 })).toEqual({ ok: true, contentType: 'image/jpeg' });
  });

  it('names another type, and a file too large with its size in KB', () => {
    expect(checkLogoFile({ name: 'logo.gif', type: 'image/gif', size: 100 })).toEqual({ ok: false, key: 'settings.company.logoWrongType', vars: { name: 'logo.gif' } });
    expect(checkLogoFile({ name: 'logo.svg', type: 'image/svg+xml', size: 100 })).toMatchObject({ ok: false, key: 'settings.company.logoWrongType' });
    expect(checkLogoFile({ name: 'notes.png', type: '', size: 100 })).toMatchObject({ ok: false, key: 'settings.company.logoWrongType' });
    expect(checkLogoFile({ name: 'big.png', type: 'image/png', size: 256 * 1024 + 1 })).toEqual({ ok: false, key: 'settings.company.logoTooLarge', vars: { name: 'big.png', size: 257 } });
  });
});

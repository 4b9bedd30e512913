import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { billingApi, fail } from './test-helpers';

let services: TestServices;
let api: ReturnType<typeof billingApi>;
beforeEach(async () => {
  services = await startTestServices();
  api = billingApi(services);
});
afterEach(() => services.dispose());

describe('profile: document branding', () => {
  it('answers the default accent colour and an empty footer before anything is saved', async () => {
    const profile = await api.call<Profile>('profile.get', {});
    expect(profile).toMatchObject({ accentColor: '#1F6FEB', documentFooter: '' });
  });

  it('saves the accent colour and footer with the rest of the profile', async () => {
    await api.call<Profile>('profile.update', { changes: { name: 'Ada Consulting' } });
    const saved = await api.call<Profile>('profile.update', {
      changes: { accentColor: '#0a7d4f', documentFooter: '  Registered in Munich · VAT DE123  ' },
    });
    expect(saved).toMatchObject({
      name: 'Ada Consulting',
      accentColor: '#0a7d4f',
      documentFooter: 'Registered in Munich · VAT DE123',
    });
    expect(await api.call<Profile>('profile.get', {})).toEqual(saved);
  });

  it('refuses a colour that is not #RRGGBB, saving nothing', async () => {
    await api.call<Profile>('profile.update', { changes: { name: 'Ada' } });
    const before = api.snapshot();
    for (const accentColor of ['blue', '#12345', '#1234567', '1F6FEB', '#GGGGGG']) {
      const error = await fail(
        services.invoke('profile.update', { changes: { accentColor, name: 'Changed' } }),
      );
      expect(error.code).toBe('VALIDATION');
      expect(error.issues[0]).toMatchObject({
        path: ['changes', 'accentColor'],
        code: 'ACCENT_COLOR_INVALID',
      });
    }
    const long = await fail(
      services.invoke('profile.update', { changes: { documentFooter: 'x'.repeat(501) } }),
    );
    expect(long.code).toBe('VALIDATION');
    expect(api.snapshot()).toBe(before);
  });
});

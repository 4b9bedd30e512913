import { DEFAULT_ACCENT_COLOR, type MethodName, type Profile } from '../../core/api';
import { createProfileRepository, type ProfileData } from '../../db/repositories/profile';
import type { ServiceContext } from '../context';
import type { HandlerMap } from '../handler-types';

/** What `profile.get` answers before the consultant saves anything. */
export const DEFAULT_PROFILE: Omit<Profile, 'updatedAt'> = {
  name: '',
  businessName: '',
  address: '',
  taxId: '',
  email: '',
  phone: '',
  bankDetails: '',
  paymentInstructions: '',
  logo: null,
  defaultCurrency: 'EUR',
  defaultPaymentTermsDays: 30,
  defaultTaxRatePercent: '0',
  invoiceNumberPattern: 'INV-{YYYY}-{SEQ:4}',
  creditNoteNumberPattern: 'CN-{YYYY}-{SEQ:4}',
  lateInterestAnnualRate: '0.08',
  accentColor: DEFAULT_ACCENT_COLOR,
  documentFooter: '',
};

export function loadProfile(ctx: ServiceContext): Profile {
  const row = createProfileRepository(ctx.db).get();
  if (!row) return { ...DEFAULT_PROFILE, updatedAt: null };
  const { id: _id, logoMimeType, logoBase64, ...rest } = row;
  return {
    ...rest,
    logo:
      logoMimeType && logoBase64
        ? { mimeType: logoMimeType as 'image/png' | 'image/jpeg', base64: logoBase64 }
        : null,
  };
}

export const profileHandlers: HandlerMap<Extract<MethodName, `profile.${string}`>> = {
  'profile.get': (_input, ctx) => loadProfile(ctx),

  'profile.update': (input, ctx) => {
    const { updatedAt: _u, logo, ...current } = { ...loadProfile(ctx), ...input.changes };
    const data: ProfileData = {
      ...current,
      logoMimeType: logo?.mimeType ?? null,
      logoBase64: logo?.base64 ?? null,
      updatedAt: ctx.now().toISOString(),
    };
    createProfileRepository(ctx.db).save(data);
    return loadProfile(ctx);
  },
};

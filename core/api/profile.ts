import { z } from 'zod';
import { AnnualRateString, NumberPattern, PercentString } from './billing-fields';
import { CurrencyCode, Empty, nonEmptyChanges, Timestamp } from './common';

/**
 * The consultant's own profile (Settings): the seller on every invoice and credit note.
 * One per data file; `profile.get` answers the defaults until it is first saved. Issued
 * documents keep a snapshot, so later edits never change them.
 */

/** Logos are stored in the data file and embedded in PDFs: at most 512 KiB decoded. */
export const LOGO_MAX_BYTES = 512 * 1024;
const LOGO_MAX_BASE64 = Math.ceil(LOGO_MAX_BYTES / 3) * 4;

export const Logo = z.strictObject({
  mimeType: z.enum(['image/png', 'image/jpeg']),
  /** Plain base64 (no `data:` prefix). */
  base64: z
    .string()
    .min(4)
    .superRefine((value, ctx) => {
      if (value.length > LOGO_MAX_BASE64) {
        ctx.addIssue({
          code: 'custom',
          message: `The logo is larger than ${LOGO_MAX_BYTES / 1024} KiB`,
          params: { reason: 'LOGO_TOO_LARGE' },
        });
      } else if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'The logo is not valid base64',
          params: { reason: 'LOGO_NOT_BASE64' },
        });
      }
    }),
});
export type Logo = z.infer<typeof Logo>;

const text = (max: number) => z.string().trim().max(max);

export const AccentColor = z.string().refine((value) => /^#[0-9A-Fa-f]{6}$/.test(value), {
  message: 'A colour like #1F6FEB',
  params: { reason: 'ACCENT_COLOR_INVALID' },
});
export const DEFAULT_ACCENT_COLOR = '#1F6FEB';

const profileField = {
  name: text(200),
  businessName: text(300),
  address: text(1000),
  taxId: text(50),
  email: z.union([z.literal(''), z.email().max(254)]),
  phone: text(50),
  /** Bank name, IBAN/BIC or account number: printed as payment details. */
  bankDetails: text(2000),
  /** Default payment instructions printed on invoices ("Please quote the invoice number"). */
  paymentInstructions: text(2000),
  logo: Logo.nullable(),
  defaultCurrency: CurrencyCode,
  defaultPaymentTermsDays: z.number().int().min(0).max(365),
  /** Default tax rate for new engagements and lines, a percent: `"19"`. */
  defaultTaxRatePercent: PercentString,
  invoiceNumberPattern: NumberPattern,
  creditNoteNumberPattern: NumberPattern,
  /** Late-payment interest, a fraction a year: `"0.08"` = 8 %. */
  lateInterestAnnualRate: AnnualRateString,
  /** Branding on every PDF: headings, rules and table headers, `#1F6FEB`. */
  accentColor: AccentColor,
  /** Branding: a line printed in every PDF footer ("Registered in …, VAT …"). */
  documentFooter: text(500),
};

export const ProfilePatch = z.strictObject(profileField).partial();
export type ProfilePatch = z.infer<typeof ProfilePatch>;

export const Profile = z.object({
  name: z.string(),
  businessName: z.string(),
  address: z.string(),
  taxId: z.string(),
  email: z.string(),
  phone: z.string(),
  bankDetails: z.string(),
  paymentInstructions: z.string(),
  logo: z.object({ mimeType: z.enum(['image/png', 'image/jpeg']), base64: z.string() }).nullable(),
  defaultCurrency: z.string(),
  defaultPaymentTermsDays: z.number().int(),
  defaultTaxRatePercent: z.string(),
  invoiceNumberPattern: z.string(),
  creditNoteNumberPattern: z.string(),
  lateInterestAnnualRate: z.string(),
  accentColor: z.string(),
  documentFooter: z.string(),
  /** null until the profile is first saved. */
  updatedAt: Timestamp.nullable(),
});
export type Profile = z.infer<typeof Profile>;

export const profileMethods = {
  'profile.get': { kind: 'read', input: Empty, output: Profile },
  'profile.update': {
    kind: 'write',
    input: z.strictObject({
      changes: nonEmptyChanges(ProfilePatch),
    }),
    output: Profile,
  },
} as const;

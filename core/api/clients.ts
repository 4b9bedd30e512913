import { z } from 'zod';
import {
  AmountMinor,
  ById,
  CurrencyCode,
  Id,
  Locale,
  nonEmptyChanges,
  PageInput,
  SortDirection,
  Timestamp,
} from './common';

const text = (max: number) => z.string().trim().max(max);

/** One schema per editable field, without defaults, so a patch never resets what it omits. */
const clientField = {
  displayName: z.string().trim().min(1).max(200),
  legalName: text(300),
  contactPerson: text(200),
  email: z.union([z.literal(''), z.email().max(254)]),
  phone: text(50),
  address: text(1000),
  taxId: text(50),
  defaultCurrency: CurrencyCode,
  defaultDayRateMinor: AmountMinor,
  paymentTermsDays: z.number().int().min(0).max(365),
  documentLanguage: Locale,
  notes: text(10_000),
};

/** The fields a consultant edits. Shared by the form (field errors) and the services. */
export const ClientFields = z.strictObject({
  ...clientField,
  legalName: clientField.legalName.default(''),
  contactPerson: clientField.contactPerson.default(''),
  email: clientField.email.default(''),
  phone: clientField.phone.default(''),
  address: clientField.address.default(''),
  taxId: clientField.taxId.default(''),
  defaultDayRateMinor: clientField.defaultDayRateMinor.default(0),
  paymentTermsDays: clientField.paymentTermsDays.default(30),
  documentLanguage: clientField.documentLanguage.default('en'),
  notes: clientField.notes.default(''),
});
export type ClientFields = z.infer<typeof ClientFields>;
export type ClientFieldsInput = z.input<typeof ClientFields>;

export const ClientPatch = z.strictObject(clientField).partial();
export type ClientPatch = z.infer<typeof ClientPatch>;

export const Client = z.object({
  id: Id,
  displayName: z.string(),
  legalName: z.string(),
  contactPerson: z.string(),
  email: z.string(),
  phone: z.string(),
  address: z.string(),
  taxId: z.string(),
  defaultCurrency: z.string(),
  defaultDayRateMinor: AmountMinor,
  paymentTermsDays: z.number().int(),
  documentLanguage: Locale,
  notes: z.string(),
  archived: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Client = z.infer<typeof Client>;

export const ClientSortField = z.enum([
  'displayName',
  'legalName',
  'defaultCurrency',
  'createdAt',
  'updatedAt',
]);
export type ClientSortField = z.infer<typeof ClientSortField>;

export const ArchivedFilter = z.enum(['active', 'archived', 'all']);
export type ArchivedFilter = z.infer<typeof ArchivedFilter>;

export const ClientsListInput = z.strictObject({
  search: z.string().trim().max(200).default(''),
  archived: ArchivedFilter.default('active'),
  sort: z
    .strictObject({ field: ClientSortField, direction: SortDirection })
    .default({ field: 'displayName', direction: 'asc' }),
  ...PageInput,
});
export type ClientsListInput = z.input<typeof ClientsListInput>;

export const ClientsListOutput = z.object({
  items: z.array(Client),
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
});
export type ClientsListOutput = z.infer<typeof ClientsListOutput>;

export const ClientsUpdateInput = z.strictObject({
  id: Id,
  changes: nonEmptyChanges(ClientPatch),
});
export type ClientsUpdateInput = z.input<typeof ClientsUpdateInput>;

export const clientMethods = {
  'clients.list': { kind: 'read', input: ClientsListInput, output: ClientsListOutput },
  'clients.get': { kind: 'read', input: ById, output: Client },
  'clients.create': { kind: 'write', input: ClientFields, output: Client },
  'clients.update': { kind: 'write', input: ClientsUpdateInput, output: Client },
  'clients.archive': { kind: 'write', input: ById, output: Client },
  'clients.restore': { kind: 'write', input: ById, output: Client },
  'clients.delete': { kind: 'write', input: ById, output: z.object({ id: Id }) },
} as const;

import { expect, type Locator, type Page } from '@playwright/test';
import { tr, type Language } from '../support/catalog';

export interface ClientFormInput {
  displayName?: string;
  legalName?: string;
  contactPerson?: string;
  email?: string;
  phone?: string;
  address?: string;
  taxId?: string;
  defaultCurrency?: string;
  defaultDayRate?: string;
  paymentTermsDays?: string;
  documentLanguage?: 'en' | 'zh-CN';
  notes?: string;
}

const TEXT_FIELDS = [
  'displayName',
  'legalName',
  'contactPerson',
  'email',
  'phone',
  'address',
  'taxId',
  'defaultDayRate',
  'paymentTermsDays',
  'notes',
] as const;

/** The create/edit drawer, found by its accessible title in the current language. */
export class ClientForm {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
    readonly mode: 'new' | 'edit' = 'new',
  ) {}

  t(key: string, vars?: Record<string, string | number>) {
    return tr(this.language, key, vars);
  }

  get dialog(): Locator {
    const title = this.t(
      this.mode === 'new' ? 'clients.editor.newTitle' : 'clients.editor.editTitle',
    );
    return this.page.getByRole('dialog', { name: new RegExp(`^${title}`) });
  }

  /** A control by its accessible name (labels of required fields carry a hidden `*`). */
  field(name: keyof ClientFormInput): Locator {
    const role = name === 'defaultCurrency' || name === 'documentLanguage' ? 'combobox' : 'textbox';
    return this.dialog.getByRole(role, { name: this.t(`clients.fields.${name}`), exact: true });
  }

  async fill(input: ClientFormInput) {
    for (const name of TEXT_FIELDS) {
      const value = input[name];
      if (value !== undefined) await this.field(name).fill(value);
    }
    if (input.defaultCurrency !== undefined) await this.chooseCurrency(input.defaultCurrency);
    if (input.documentLanguage !== undefined) {
      await this.field('documentLanguage').click();
      await this.page
        .getByRole('option', { name: this.t(`languages.${input.documentLanguage}`), exact: true })
        .click();
    }
  }

  async chooseCurrency(code: string) {
    const input = this.field('defaultCurrency');
    await input.click();
    await input.fill(code);
    await this.page.getByRole('option', { name: new RegExp(`^${code} `) }).click();
    await expect(input).toHaveValue(new RegExp(`^${code} `));
  }

  /**
   * Empties the currency with the field's clear (×) button. Mantine keeps that button out of
   * the accessibility tree and the tab order (keyboard users pick another currency), so it
   * is found next to the input rather than by role.
   */
  async clearCurrency() {
    const wrapper = this.field('defaultCurrency').locator('xpath=..');
    await wrapper.hover();
    await wrapper.locator('button').click();
    await expect(this.field('defaultCurrency')).toHaveValue('');
  }

  get submit(): Locator {
    return this.dialog.getByRole('button', {
      name: this.t(this.mode === 'new' ? 'clients.editor.create' : 'clients.editor.save'),
    });
  }

  async save() {
    await this.submit.click();
    await expect(this.dialog).toBeHidden();
  }

  /** The field's error, as assistive technology announces it. */
  async expectError(name: keyof ClientFormInput, message: string) {
    await expect(this.field(name)).toHaveAttribute('aria-invalid', 'true');
    await expect(this.dialog.getByText(message, { exact: true })).toBeVisible();
  }
}

import type { Page } from '@playwright/test';
import { tr, type Language } from '../support/catalog';

/** The tech-debt register (`#/debt`, `#/clients/:id/debt`). */
export class DebtRegister {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  private t(key: string, vars?: Record<string, string | number>) {
    return tr(this.language, key, vars);
  }

  get table() {
    return this.page.getByRole('table', { name: this.t('debt.table.label') });
  }

  /** Data rows (not the header, not the totals). */
  get rows() {
    return this.table.locator('[role="row"][data-index]');
  }

  row(title: string) {
    return this.rows.filter({ hasText: title });
  }

  titles() {
    return this.rows.locator('[role="cell"]:nth-child(2) > div:first-child').allInnerTexts();
  }

  totals(currency: string) {
    return this.table.getByRole('row', { name: this.t('debt.totals.rowLabel', { currency }) });
  }

  total(currency: string, which: 'pvCarry' | 'fixCost' | 'netBenefit' | 'roi') {
    return this.totals(currency).locator(`[data-total="${which}"]`);
  }

  sortBy(key: string) {
    return this.table.getByRole('button', { name: this.t(key) });
  }

  header(key: string) {
    return this.table.getByRole('columnheader', { name: this.t(key) });
  }

  get addItem() {
    return this.page.getByRole('button', { name: this.t('debt.add') });
  }

  async select(title: string) {
    await this.page
      .getByRole('checkbox', { name: this.t('debt.columns.selectRow', { title }) })
      .check();
  }
}

/** The item workbench (`#/debt/new`, `#/debt/:id`). */
export class DebtWorkbench {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  private t(key: string, vars?: Record<string, string | number>) {
    return tr(this.language, key, vars);
  }

  /** A form field by its label (the required title's label ends with an asterisk). */
  field(key: string) {
    const label = this.t(`debt.fields.${key}`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByLabel(new RegExp(`^${label}( \\*)?$`));
  }

  async fill(values: Record<string, string>) {
    for (const [key, value] of Object.entries(values)) {
      if (['category', 'impact', 'status'].includes(key)) {
        await this.page.getByRole('combobox', { name: this.t(`debt.fields.${key}`) }).click();
        await this.page.getByRole('option', { name: value, exact: true }).click();
      } else {
        await this.field(key).fill(value);
      }
    }
  }

  get netBenefit() {
    return this.page.getByTestId('net-benefit');
  }

  get range() {
    return this.page.getByTestId('net-benefit-range');
  }

  get save() {
    return this.page.getByRole('button', { name: this.t('debt.editor.create') });
  }

  get charts() {
    return this.page.locator('svg.recharts-surface[role="application"]');
  }
}

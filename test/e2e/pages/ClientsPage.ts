import { expect, type Locator, type Page } from '@playwright/test';
import { tr, type Language } from '../support/catalog';

export type ArchivedFilter = 'active' | 'archived' | 'all';
export type RowAction = 'edit' | 'archive' | 'restore' | 'delete';

/** The client list: toolbar, virtualised table, empty states. */
export class ClientsPage {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  t(key: string, vars?: Record<string, string | number>) {
    return tr(this.language, key, vars);
  }

  get table() {
    return this.page.getByRole('table', { name: this.t('clients.table.label') });
  }

  /** Body rows only (the header row sits in the first rowgroup). */
  get rows() {
    return this.table.getByRole('rowgroup').nth(1).getByRole('row');
  }

  get search() {
    return this.page.getByRole('searchbox', { name: this.t('clients.search.label') });
  }

  get newClient() {
    return this.page.getByRole('link', { name: this.t('clients.new'), exact: true });
  }

  count(total: number) {
    return this.page.getByText(this.t('clients.count', { count: total }), { exact: true });
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  async expectRows(names: string[]) {
    for (const name of names) await expect(this.row(name)).toBeVisible();
    await expect(this.rows).toHaveCount(names.length);
  }

  async searchFor(text: string) {
    await this.search.fill(text);
  }

  async clearSearch() {
    await this.page
      .getByRole('button', { name: this.t('clients.search.clear') })
      .first()
      .click();
    await expect(this.search).toHaveValue('');
  }

  async showArchived(filter: ArchivedFilter) {
    // The segment's radio input is visually hidden; its label is what a user clicks.
    const group = this.page.getByRole('radiogroup', { name: this.t('clients.filter.label') });
    const name = this.t(`clients.filter.${filter}`);
    await group.getByText(name, { exact: true }).click();
    await expect(group.getByRole('radio', { name })).toBeChecked();
  }

  async rowAction(name: string, action: RowAction) {
    await this.page.getByRole('button', { name: this.t('clients.actions.menu', { name }) }).click();
    await this.page.getByRole('menuitem', { name: this.t(`clients.actions.${action}`) }).click();
  }

  /** Deletes through the confirmation dialog, which must name the client. */
  async deleteClient(name: string) {
    await this.rowAction(name, 'delete');
    const dialog = this.page.getByRole('dialog', { name: this.t('clients.delete.title') });
    await expect(dialog).toContainText(name);
    await dialog.getByRole('button', { name: this.t('clients.delete.confirm') }).click();
    await expect(dialog).toBeHidden();
  }

  async sortBy(columnKey: 'name' | 'currency' | 'updated') {
    await this.table
      .getByRole('columnheader', { name: this.t(`clients.columns.${columnKey}`) })
      .getByRole('button')
      .click();
  }
}

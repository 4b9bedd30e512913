import { expect, type Locator, type Page } from '@playwright/test';
import { tr, type Language } from '../support/catalog';

export type BackupKindName = 'daily' | 'weekly' | 'pre-migration' | 'manual' | 'safety';

/** Settings → Backups: the list, "Back up now" and the restore dialog. */
export class BackupsSection {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  t(key: string, vars?: Record<string, string | number>) {
    return tr(this.language, key, vars);
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: this.t('settings.backups.title') });
  }

  get table(): Locator {
    return this.section.getByRole('table', { name: this.t('settings.backups.listLabel') });
  }

  /** Body rows only. */
  get rows(): Locator {
    return this.table.getByRole('rowgroup').nth(1).getByRole('row');
  }

  rowsOf(kind: BackupKindName): Locator {
    return this.rows.filter({ hasText: this.t(`settings.backups.kinds.${kind}`) });
  }

  get empty(): Locator {
    return this.section.getByText(this.t('settings.backups.empty'));
  }

  get backUpNowButton(): Locator {
    return this.section.getByRole('button', { name: this.t('settings.backups.backUpNow') });
  }

  async backUpNow() {
    await this.backUpNowButton.click();
    await expect(this.page.getByText(this.t('settings.backups.created'))).toBeVisible();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.t('settings.backups.modal.title') });
  }

  /** "Restore…" on the first row of a kind; resolves once the preview has loaded. */
  async openRestore(kind: BackupKindName) {
    await this.rowsOf(kind)
      .first()
      .getByRole('button', {
        name: new RegExp(this.t('settings.backups.restoreLabel', { date: '' })),
      })
      .click();
    await expect(this.dialog).toBeVisible();
    await expect(this.compareRow('clients')).toBeVisible();
  }

  /** A row of the preview table: [label, in the backup, current]. */
  compareRow(key: string): Locator {
    return this.dialog.getByRole('row', { name: this.t(`settings.backups.modal.rows.${key}`) });
  }

  async expectCompare(key: string, inBackup: string, current: string) {
    const cells = this.compareRow(key).getByRole('cell');
    await expect(cells.nth(0)).toHaveText(inBackup);
    await expect(cells.nth(1)).toHaveText(current);
  }

  get confirmButton(): Locator {
    return this.dialog.getByRole('button', { name: this.t('settings.backups.modal.confirm') });
  }
}

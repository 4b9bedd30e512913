import { expect, type Page } from '@playwright/test';
import { tr, type Language } from '../support/catalog';

/** The app frame: sidebar navigation and the header's page title. */
export class Shell {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  get navigation() {
    return this.page.getByRole('navigation');
  }

  get pageTitle() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async goToClients() {
    await this.navigation.getByRole('link', { name: tr(this.language, 'nav.clients') }).click();
    await expect(this.pageTitle).toHaveText(tr(this.language, 'nav.clients'));
  }

  async goToSettings() {
    await this.navigation.getByRole('link', { name: tr(this.language, 'nav.settings') }).click();
    await expect(this.pageTitle).toHaveText(tr(this.language, 'nav.settings'));
  }

  /** The toast region's most recent message containing `text`. */
  toast(text: string | RegExp) {
    return this.page.locator('.mantine-Notification-root').filter({ hasText: text });
  }
}

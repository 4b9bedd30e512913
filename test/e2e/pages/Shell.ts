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

  /**
   * Closes a toast if it is still up. It may close on its own while the click is on its
   * way (its close animation detaches the button), so the click is best-effort and the
   * outcome — the toast gone — is what is asserted.
   */
  async dismissToast(text: string | RegExp) {
    const toast = this.toast(text);
    if (await toast.isVisible()) {
      await toast
        .getByRole('button', { name: tr(this.language, 'common.dismiss') })
        .click({ timeout: 2_000 })
        .catch(() => undefined);
    }
    await expect(toast).toBeHidden();
  }
}

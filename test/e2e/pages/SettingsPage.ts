import { expect, type Page } from '@playwright/test';
import { tr, type Language } from '../support/catalog';

export class SettingsPage {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  /** Picks a segment by its label (the radio input itself is visually hidden). */
  private async choose(groupKey: string, optionKey: string) {
    const group = this.page.getByRole('radiogroup', { name: tr(this.language, groupKey) });
    const name = tr(this.language, optionKey);
    await group.getByText(name, { exact: true }).click();
    return group.getByRole('radio', { name });
  }

  /** Switches the UI language live; later lookups use the new language's wording. */
  async setLanguage(language: Language) {
    // The group's own name changes with the language, so success is checked on the page.
    await this.choose('settings.language.label', `languages.${language}`);
    this.language = language;
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(
      tr(language, 'nav.settings'),
    );
  }

  async setTheme(theme: 'system' | 'light' | 'dark') {
    await expect(
      await this.choose('settings.appearance.theme', `settings.appearance.${theme}`),
    ).toBeChecked();
  }

  valueOf(labelKey: string) {
    return this.page.getByText(tr(this.language, labelKey), { exact: true }).locator('xpath=../..');
  }
}

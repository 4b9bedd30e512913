import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { tr, type Language } from '../support/catalog';

/** The text a reader of the PDF sees (poppler's pdftotext), whitespace folded. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The PDF preview modal: pages drawn by pdf.js, language switch, zoom and Save. */
export class PdfPreview {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  private t(key: string, vars: Record<string, string | number> = {}) {
    return tr(this.language, key, vars);
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  get pages(): Locator {
    return this.dialog.getByTestId('pdf-page');
  }

  /** Waits until every page is drawn; answers the page count the modal shows. */
  async waitForPages(): Promise<number> {
    const label = this.dialog.getByTestId('pdf-page-count');
    await expect(label).toHaveText(/\d/, { timeout: 20_000 });
    const count = Number((await label.textContent())!.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    await expect(label).toHaveText(this.t('documents.preview.pageCount', { count }));
    await expect(this.pages).toHaveCount(count);
    await expect(this.dialog.locator('[data-testid="pdf-page"][data-drawn="true"]')).toHaveCount(
      count,
      { timeout: 20_000 },
    );
    return count;
  }

  /** The first page actually has ink on it (not a blank canvas). */
  async firstPageHasInk(): Promise<boolean> {
    return this.pages.first().evaluate((canvas) => {
      const c = canvas as unknown as {
        width: number;
        height: number;
        getContext(kind: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      };
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, Math.min(c.height, 600));
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) dark++;
      return dark > 200;
    });
  }

  async zoom(which: 'zoomIn' | 'zoomOut' | 'fitWidth') {
    await this.dialog.getByRole('button', { name: this.t(`documents.preview.${which}`) }).click();
  }

  /** The CSS width of the first page, px. */
  async firstPageWidth(): Promise<number> {
    return this.pages
      .first()
      .evaluate((c) => (c as unknown as { clientWidth: number }).clientWidth);
  }

  /** The language the shown document is in (the switch's checked segment). */
  async documentLanguage(): Promise<'en' | 'zh-CN'> {
    const english = this.dialog.getByRole('radio', { name: 'English' });
    return (await english.isChecked()) ? 'en' : 'zh-CN';
  }

  async switchLanguage(language: 'en' | 'zh-CN') {
    const group = this.dialog.getByRole('radiogroup', {
      name: this.t('documents.preview.language'),
    });
    await group.getByText(language === 'en' ? 'English' : '中文', { exact: true }).click();
  }

  get saveButton(): Locator {
    return this.dialog.getByRole('button', { name: this.t('documents.preview.save') });
  }

  /** Saves through main's (stood-in) save dialog; answers the path the toast names. */
  async save(): Promise<string> {
    const toast = this.page.getByText(this.t('documents.preview.savedTo', { path: '' }).trim());
    // Earlier saves may still show their toast: this save's is the one not seen before.
    const before = await toast.allTextContents();
    await this.saveButton.click();
    let text = '';
    await expect
      .poll(
        async () => {
          text = (await toast.allTextContents()).find((t) => !before.includes(t)) ?? '';
          return text;
        },
        { timeout: 20_000 },
      )
      .not.toBe('');
    return text.slice(text.indexOf(path.sep));
  }

  async close() {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }
}

/** Engagement › Documents: preview buttons and the proposal/contract wording. */
export class EngagementDocumentsSection {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  private t(key: string, vars: Record<string, string | number> = {}) {
    return tr(this.language, key, vars);
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: this.t('documents.engagement.title') });
  }

  get form(): Locator {
    return this.page.getByRole('form', { name: this.t('documents.terms.title') });
  }

  async open(kind: 'proposal' | 'contract' | 'slaReport') {
    await this.section
      .getByRole('button', { name: this.t(`documents.engagement.${kind}`), exact: true })
      .click();
  }

  field(key: 'executiveSummary' | 'validUntil' | 'liabilityCap' | 'governingLaw'): Locator {
    return this.form.getByLabel(this.t(`documents.terms.${key}`), { exact: true });
  }

  async showClause(title: string, language: 'en' | 'zh-CN' = 'en') {
    await this.form.getByRole('tab', { name: language === 'en' ? 'English' : '中文' }).click();
    const control = this.form.getByRole('button', { name: title, exact: false }).first();
    if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
  }

  clauseText(title: string): Locator {
    return this.form.getByLabel(this.t('documents.terms.clauseText', { title }));
  }

  async save() {
    await this.form.getByRole('button', { name: this.t('documents.terms.save') }).click();
    await expect(this.page.getByText(this.t('documents.terms.saved'))).toBeVisible();
  }
}

/** Invoices › Export period… */
export class ExportPeriodDialog {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  private t(key: string, vars: Record<string, string | number> = {}) {
    return tr(this.language, key, vars);
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.t('documents.export.title') });
  }

  async open() {
    await this.page.getByRole('button', { name: this.t('documents.export.action') }).click();
    await expect(this.dialog).toBeVisible();
  }

  async setRange(from: string, to: string) {
    await this.dialog.getByLabel(this.t('documents.export.from')).fill(from);
    await this.dialog.getByLabel(this.t('documents.export.to')).fill(to);
  }

  get count(): Locator {
    return this.dialog.getByTestId('export-count');
  }

  async start() {
    await this.dialog.getByRole('button', { name: this.t('documents.export.choose') }).click();
  }

  get done(): Locator {
    return this.dialog.getByTestId('export-done');
  }

  async folder(): Promise<string> {
    return (await this.dialog.getByTestId('export-folder').textContent())!.trim();
  }
}

/** Every file name under `dir` (empty when it does not exist). */
export function filesIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

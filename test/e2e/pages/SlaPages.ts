import { expect, type Locator, type Page } from '@playwright/test';
import { tr, type Language } from '../support/catalog';

/** The "Service levels" section of the engagement page: clauses, records, compliance. */
export class SlaSection {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  t(key: string, vars: Record<string, string | number> = {}) {
    return tr(this.language, key, vars);
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: this.t('sla.title') });
  }

  get editor(): Locator {
    return this.page.getByRole('form', { name: this.t('sla.editor.label') });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Opens "New clause" and takes a template from the library by its name. */
  async newFromLibrary(templateName: string) {
    await this.section.getByRole('button', { name: this.t('sla.newClause') }).click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByRole('combobox', { name: this.t('sla.new.template') }).click();
    await this.page.getByRole('option', { name: templateName, exact: true }).click();
    await this.dialog.getByRole('button', { name: this.t('sla.new.useTemplate') }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.editor).toBeVisible();
  }

  /** Opens "New clause", states a problem and takes the suggested clause named `name`. */
  async newFromProblem(problem: string, name: string) {
    await this.section.getByRole('button', { name: this.t('sla.newClause') }).click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByText(this.t('sla.new.suggest'), { exact: true }).click();
    await this.dialog.getByLabel(this.t('sla.new.problem')).fill(problem);
    await this.dialog
      .getByRole('button', { name: this.t('sla.new.useSuggestionOf', { name }) })
      .click();
    await expect(this.dialog).toBeHidden();
    await expect(this.editor).toBeVisible();
  }

  field(labelKey: string): Locator {
    return this.editor.getByLabel(this.t(labelKey), { exact: true });
  }

  get downtimeTable(): Locator {
    return this.editor.getByRole('table', { name: this.t('sla.downtime.table') });
  }

  downtimeRow(period: 'day' | 'week' | 'month' | 'quarter' | 'year'): Locator {
    return this.downtimeTable.getByRole('row', {
      name: new RegExp(`^${this.t(`sla.downtime.per.${period}`).replace(/[()]/g, '\\$&')}`),
    });
  }

  wordingBox(locale: 'en' | 'zh-CN'): Locator {
    return this.editor.getByRole('textbox', {
      name: this.t(`sla.wording.${locale === 'en' ? 'english' : 'chinese'}`),
    });
  }

  async save() {
    await this.editor.getByRole('button', { name: this.t('sla.editor.save') }).click();
  }

  get clauses(): Locator {
    return this.section.getByRole('table', { name: this.t('sla.list') });
  }

  detail(name: string): Locator {
    return this.section.getByRole('region', { name: this.t('sla.detailOf', { name }) });
  }

  async openTab(scope: Locator, key: string) {
    await scope.getByRole('tab', { name: this.t(key), exact: true }).click();
  }

  /** Records an incident through the form; `start`/`end` as `YYYY-MM-DDTHH:mm` local time. */
  async recordIncident(scope: Locator, start: string, end: string, cause: string) {
    const form = scope.getByRole('form', { name: this.t('sla.incidents.form') });
    await form.getByLabel(this.t('sla.incidents.start')).fill(start);
    await form.getByLabel(this.t('sla.incidents.end')).fill(end);
    await form.getByLabel(this.t('sla.incidents.cause')).fill(cause);
    await form.getByRole('button', { name: this.t('sla.incidents.add') }).click();
    await expect(
      scope.getByRole('table', { name: this.t('sla.incidents.table') }).getByRole('cell', {
        name: cause,
      }),
    ).toBeVisible();
  }

  async choosePeriod(scope: Locator, month: string) {
    await scope.getByLabel(this.t('sla.compliance.period'), { exact: true }).fill(month);
  }
}

/** The "Service levels" period report (`#/service-levels`). */
export class ServiceLevelsReport {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  t(key: string, vars: Record<string, string | number> = {}) {
    return tr(this.language, key, vars);
  }

  get main(): Locator {
    return this.page.locator('#main-content');
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: this.t('sla.report.tableTitle') });
  }

  async chooseMonth(month: string) {
    await this.page.getByLabel(this.t('sla.report.month'), { exact: true }).fill(month);
  }

  row(clauseId: string): Locator {
    return this.page.getByTestId(`sla-report-row-${clauseId}`);
  }
}

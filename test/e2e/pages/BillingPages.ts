import { expect, type Locator, type Page } from '@playwright/test';
import { tr, type Language } from '../support/catalog';

/** The engagement detail page: figures, the milestone schedule editor and status flow. */
export class EngagementPage {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  private t(key: string, vars: Record<string, string | number> = {}) {
    return tr(this.language, key, vars);
  }

  get scheduleEditor() {
    return this.page.getByRole('form', { name: this.t('milestones.editorLabel') });
  }

  async startSchedule() {
    await this.page.getByRole('button', { name: this.t('milestones.empty.action') }).click();
    await expect(this.scheduleEditor).toBeVisible();
  }

  async applyTemplate(name: RegExp | string) {
    await this.scheduleEditor.getByLabel(this.t('milestones.template'), { exact: true }).click();
    await this.page.getByRole('option', { name }).click();
    await this.scheduleEditor
      .getByRole('button', { name: this.t('milestones.applyTemplate') })
      .click();
  }

  row(n: number): Locator {
    return this.scheduleEditor.getByRole('group', { name: this.t('milestones.rowLabel', { n }) });
  }

  percent(n: number) {
    return this.row(n).getByLabel(this.t('milestones.fields.percent'), { exact: true });
  }

  amount(n: number) {
    return this.row(n).getByLabel(this.t('milestones.amountOf', { n }));
  }

  get percentTotal() {
    return this.scheduleEditor.getByTestId('schedule-percent-total');
  }

  async saveSchedule() {
    await this.scheduleEditor
      .getByRole('button', { name: this.t('milestones.saveSchedule') })
      .click();
  }

  get milestones() {
    return this.page.getByRole('table', { name: this.t('milestones.tableLabel') });
  }

  milestoneRow(name: string) {
    return this.milestones.getByRole('row', { name });
  }

  async accept(name: string, by: string) {
    await this.page.getByRole('button', { name: this.t('milestones.acceptOf', { name }) }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel(this.t('milestones.acceptBy')).fill(by);
    await dialog.getByRole('button', { name: this.t('milestones.confirmAccept') }).click();
    await expect(dialog).toBeHidden();
    await expect(this.milestoneRow(name)).toContainText(this.t('milestones.status.accepted'));
  }

  async invoice(name: string) {
    await this.page.getByRole('button', { name: this.t('milestones.invoiceOf', { name }) }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: this.t('milestones.createInvoice') }).click();
    await expect(dialog).toBeHidden();
  }
}

/** The invoice detail page and its dialogs. */
export class InvoicePage {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  private t(key: string, vars: Record<string, string | number> = {}) {
    return tr(this.language, key, vars);
  }

  get document() {
    return this.page.getByRole('article', { name: this.t('invoices.document') });
  }

  get number() {
    return this.page.getByTestId('invoice-number');
  }

  get balance() {
    return this.page.getByTestId('invoice-balance');
  }

  status(key: string) {
    return this.page
      .getByRole('heading', { level: 2 })
      .locator('..')
      .getByText(this.t(`invoices.status.${key}`));
  }

  get dialog() {
    return this.page.getByRole('dialog');
  }

  async issue() {
    await this.page.getByRole('button', { name: this.t('invoices.issue.action') }).click();
    await expect(this.dialog).toContainText(this.t('invoices.issue.body'));
    await this.dialog.getByRole('button', { name: this.t('invoices.issue.confirm') }).click();
    await expect(this.dialog).toBeHidden();
  }

  async openPayment() {
    await this.page.getByRole('button', { name: this.t('invoices.payment.action') }).click();
    await expect(this.dialog).toBeVisible();
  }

  async pay(amount: string | null, { expectClosed = true } = {}) {
    await this.openPayment();
    if (amount !== null) {
      await this.dialog.getByLabel(this.t('invoices.payment.amount')).fill(amount);
    }
    await this.dialog.getByRole('button', { name: this.t('invoices.payment.confirm') }).click();
    if (expectClosed) await expect(this.dialog).toBeHidden();
  }

  async credit(amount: string, reason: string) {
    await this.page.getByRole('button', { name: this.t('invoices.credit.action') }).click();
    await this.dialog.getByLabel(this.t('invoices.credit.amount')).fill(amount);
    await this.dialog.getByLabel(this.t('invoices.credit.reason')).fill(reason);
    await this.dialog.getByRole('button', { name: this.t('invoices.credit.confirm') }).click();
    await expect(this.dialog).toBeHidden();
  }
}

/** The invoice editor (new or draft). */
export class InvoiceEditor {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  private t(key: string, vars: Record<string, string | number> = {}) {
    return tr(this.language, key, vars);
  }

  get form() {
    return this.page.getByRole('form', { name: this.t('invoices.editor.newTitle') });
  }

  line(n: number): Locator {
    return this.form.getByRole('group', { name: this.t('invoices.lines.row', { n }) });
  }

  field(label: string) {
    return this.form.getByLabel(this.t(label), { exact: true });
  }

  async fillLine(
    n: number,
    line: {
      description: string;
      quantity: string;
      unit?: string;
      price: string;
      discount?: { percent: string } | { amount: string };
      taxRate: string;
    },
  ) {
    if (n > 1) await this.form.getByRole('button', { name: this.t('invoices.lines.add') }).click();
    const row = this.line(n);
    await row
      .getByLabel(this.t('invoices.lines.description'), { exact: true })
      .fill(line.description);
    await row.getByLabel(this.t('invoices.lines.quantity'), { exact: true }).fill(line.quantity);
    if (line.unit)
      await row.getByLabel(this.t('invoices.lines.unit'), { exact: true }).fill(line.unit);
    await row.getByLabel(this.t('invoices.lines.unitPrice'), { exact: true }).fill(line.price);
    if (line.discount && 'amount' in line.discount) {
      await row.getByLabel(this.t('invoices.lines.discountType'), { exact: true }).click();
      await this.page
        .getByRole('option', { name: this.t('invoices.lines.discountAmountShort') })
        .click();
      await row
        .getByLabel(this.t('invoices.lines.discount'), { exact: true })
        .fill(line.discount.amount);
    } else if (line.discount) {
      await row
        .getByLabel(this.t('invoices.lines.discount'), { exact: true })
        .fill(line.discount.percent);
    }
    await row.getByLabel(this.t('invoices.lines.taxRate'), { exact: true }).fill(line.taxRate);
  }

  get totals() {
    return this.form.getByRole('status', { name: this.t('invoices.totals') });
  }

  async saveDraft() {
    await this.form.getByRole('button', { name: this.t('invoices.editor.saveDraft') }).click();
  }

  get discardDialog() {
    return this.page.getByRole('dialog', { name: this.t('clients.discard.title') });
  }
}

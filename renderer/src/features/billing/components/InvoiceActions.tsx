import { todayIso } from '../format';
import type { Invoice, InvoiceLineInput } from '@core/api';
import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../i18n/apiErrors';
import { useFormatters } from '../../../i18n/format';
import { notifySuccess } from '../../../lib/notify';
import {
  useCreateCreditNote,
  useIssueInvoice,
  useRecordPayment,
  useVoidInvoice,
} from '../mutations';
import { MoneyInput } from './common';
import { useUndoToasts } from '../../audit/undo';

export type InvoiceDialog = 'issue' | 'void' | 'payment' | 'credit' | null;

const METHODS = ['bank_transfer', 'card', 'cash', 'cheque', 'online', 'other'] as const;

export function InvoiceDialogs({
  invoice,
  dialog,
  onClose,
}: {
  invoice: Invoice;
  dialog: InvoiceDialog;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const titles: Record<Exclude<InvoiceDialog, null>, string> = {
    issue: t('invoices.issue.title'),
    void: t('invoices.void.title'),
    payment: t('invoices.payment.title'),
    credit: t('invoices.credit.title'),
  };
  return (
    <Modal
      opened={dialog !== null}
      onClose={onClose}
      title={dialog ? titles[dialog] : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {dialog === 'issue' && <IssueForm invoice={invoice} onClose={onClose} />}
      {dialog === 'void' && <VoidForm invoice={invoice} onClose={onClose} />}
      {dialog === 'payment' && <PaymentForm invoice={invoice} onClose={onClose} />}
      {dialog === 'credit' && <CreditForm invoice={invoice} onClose={onClose} />}
    </Modal>
  );
}

function DialogForm({
  onSubmit,
  children,
  error,
  submitLabel,
  pending,
  onClose,
  danger,
}: {
  onSubmit: () => void;
  children: ReactNode;
  error: string | null;
  submitLabel: string;
  pending: boolean;
  onClose: () => void;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={getHotkeyHandler([['mod+Enter', onSubmit]])}
    >
      <Stack gap="sm">
        {children}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={danger ? 'red' : undefined} loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function IssueForm({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const { t } = useTranslation();
  const issue = useIssueInvoice();
  const [date, setDate] = useState(todayIso());
  return (
    <DialogForm
      onClose={onClose}
      pending={issue.isPending}
      submitLabel={t('invoices.issue.confirm')}
      error={issue.isError ? describeError(issue.error, t, invoice.currency) : null}
      onSubmit={() =>
        issue.mutate(
          { id: invoice.id, issueDate: date },
          {
            onSuccess: (issued) => {
              notifySuccess(t('invoices.toast.issued', { number: issued.number ?? '' }));
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('invoices.issue.body')}</Text>
      <TextInput
        type="date"
        label={t('invoices.fields.issueDate')}
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
      />
    </DialogForm>
  );
}

function VoidForm({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useVoidInvoice();
  const undo = useUndoToasts();
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  return (
    <DialogForm
      onClose={onClose}
      danger
      pending={mutation.isPending}
      submitLabel={t('invoices.void.confirm')}
      error={mutation.isError ? describeError(mutation.error, t, invoice.currency) : null}
      onSubmit={() => {
        setSubmitted(true);
        if (!reason.trim()) return;
        mutation.mutate(
          { id: invoice.id, reason: reason.trim() },
          {
            onSuccess: () => {
              // Undo is offered for minutes only; services/audit/undo.ts says why.
              undo.voided(t('invoices.toast.voided', { number: invoice.number ?? '' }), invoice.id);
              onClose();
            },
          },
        );
      }}
    >
      <Text size="sm">{t('invoices.void.body', { number: invoice.number ?? '' })}</Text>
      <Textarea
        label={t('invoices.void.reason')}
        withAsterisk
        data-autofocus
        value={reason}
        error={submitted && !reason.trim() ? t('invoices.errors.reason') : null}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
    </DialogForm>
  );
}

function PaymentForm({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const record = useRecordPayment();
  const [amount, setAmount] = useState<number | null>(invoice.balanceMinor);
  const [date, setDate] = useState(todayIso());
  const [method, setMethod] = useState<(typeof METHODS)[number]>('bank_transfer');
  const [reference, setReference] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const amountError = amount === null || amount <= 0 ? t('invoices.errors.paymentAmount') : null;
  return (
    <DialogForm
      onClose={onClose}
      pending={record.isPending}
      submitLabel={t('invoices.payment.confirm')}
      error={record.isError ? describeError(record.error, t, invoice.currency) : null}
      onSubmit={() => {
        setSubmitted(true);
        if (amountError || !date) return;
        record.mutate(
          { invoiceId: invoice.id, amountMinor: amount!, date, method, reference },
          {
            onSuccess: ({ payment }) => {
              notifySuccess(
                t('invoices.toast.paid', {
                  amount: fmt.money(payment.amountMinor, payment.currency),
                }),
              );
              onClose();
            },
          },
        );
      }}
    >
      <Text size="sm">
        {t('invoices.payment.balance', {
          amount: fmt.money(invoice.balanceMinor, invoice.currency),
        })}
      </Text>
      <MoneyInput
        label={t('invoices.payment.amount')}
        withAsterisk
        data-autofocus
        currency={invoice.currency}
        initialMinor={invoice.balanceMinor}
        error={submitted ? amountError : null}
        onValueChange={setAmount}
      />
      <TextInput
        type="date"
        label={t('invoices.payment.date')}
        withAsterisk
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
      />
      <Select
        label={t('invoices.payment.method')}
        value={method}
        allowDeselect={false}
        data={METHODS.map((m) => ({ value: m, label: t(`invoices.methods.${m}`) }))}
        onChange={(v) => v && setMethod(v as (typeof METHODS)[number])}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        label={t('invoices.payment.reference')}
        value={reference}
        onChange={(e) => setReference(e.currentTarget.value)}
      />
    </DialogForm>
  );
}

const QUANTITY = /^\d{1,9}(\.\d{1,6})?$/;

function CreditForm({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const create = useCreateCreditNote();
  const [mode, setMode] = useState<'amount' | 'lines'>('amount');
  const [amount, setAmount] = useState<number | null>(null);
  const [quantities, setQuantities] = useState<string[]>(() => invoice.lines.map(() => ''));
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const amountError =
    amount === null || amount <= 0
      ? t('invoices.errors.creditAmount')
      : amount > invoice.creditableMinor
        ? t('billingErrors.CREDIT_EXCEEDS_CREDITABLE', {
            creditableMinor: fmt.money(invoice.creditableMinor, invoice.currency),
          })
        : null;
  const quantityErrors = quantities.map((q) =>
    q.trim() === '' || (QUANTITY.test(q.trim()) && Number(q) > 0)
      ? null
      : t('invoices.errors.quantity'),
  );
  const creditLines: InvoiceLineInput[] = invoice.lines.flatMap((line, i) => {
    const q = quantities[i]!.trim();
    if (!q || quantityErrors[i]) return [];
    return [
      {
        description: line.description,
        quantity: q,
        unit: line.unit,
        unitPriceMinor: line.unitPriceMinor,
        discount: line.discount && 'percent' in line.discount ? line.discount : null,
        taxRatePercent: line.taxRatePercent,
      },
    ];
  });
  const linesError =
    quantityErrors.some(Boolean) || creditLines.length === 0
      ? t('invoices.errors.creditLines')
      : null;
  const error = mode === 'amount' ? amountError : linesError;
  return (
    <DialogForm
      onClose={onClose}
      pending={create.isPending}
      submitLabel={t('invoices.credit.confirm')}
      error={create.isError ? describeError(create.error, t, invoice.currency) : null}
      onSubmit={() => {
        setSubmitted(true);
        if (error || !reason.trim()) return;
        create.mutate(
          {
            invoiceId: invoice.id,
            reason: reason.trim(),
            credit: mode === 'amount' ? { amountMinor: amount! } : { lines: creditLines },
          },
          {
            onSuccess: (note) => {
              notifySuccess(t('invoices.toast.credited', { number: note.number }));
              onClose();
            },
          },
        );
      }}
    >
      <Text size="sm">
        {t('invoices.credit.creditable', {
          amount: fmt.money(invoice.creditableMinor, invoice.currency),
        })}
      </Text>
      <div>
        <Text size="sm" fw={500} mb={4} id="credit-mode-label">
          {t('invoices.credit.mode')}
        </Text>
        <SegmentedControl
          aria-labelledby="credit-mode-label"
          value={mode}
          onChange={(v) => setMode(v as 'amount' | 'lines')}
          data={[
            { value: 'amount', label: t('invoices.credit.byAmount') },
            { value: 'lines', label: t('invoices.credit.byLines') },
          ]}
        />
      </div>
      {mode === 'amount' ? (
        <MoneyInput
          label={t('invoices.credit.amount')}
          description={t('invoices.credit.amountHint')}
          withAsterisk
          data-autofocus
          currency={invoice.currency}
          initialMinor={amount}
          error={submitted ? amountError : null}
          onValueChange={setAmount}
        />
      ) : (
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {t('invoices.credit.linesHint')}
          </Text>
          {invoice.lines.map((line, i) => (
            <Group key={line.position} gap="sm" wrap="nowrap" align="flex-start">
              <Stack gap={0} flex={1} miw={0}>
                <Text size="sm" truncate>
                  {line.description}
                </Text>
                <Text size="xs" c="dimmed" className="tabular">
                  {fmt.number(Number(line.quantity))} {line.unit} ×{' '}
                  {fmt.money(line.unitPriceMinor, invoice.currency)}
                </Text>
              </Stack>
              <TextInput
                w={110}
                inputMode="decimal"
                aria-label={t('invoices.credit.lineQuantity', { description: line.description })}
                value={quantities[i]}
                error={submitted ? quantityErrors[i] : null}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setQuantities((qs) => qs.map((q, j) => (j === i ? value : q)));
                }}
              />
            </Group>
          ))}
          {submitted && linesError && (
            <Text size="xs" c="red">
              {linesError}
            </Text>
          )}
        </Stack>
      )}
      <Textarea
        label={t('invoices.credit.reason')}
        withAsterisk
        value={reason}
        error={submitted && !reason.trim() ? t('invoices.errors.reason') : null}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
    </DialogForm>
  );
}

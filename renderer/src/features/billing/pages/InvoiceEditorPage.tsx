import { InvoiceFromLinesInput, InvoiceLineInput, type Invoice } from '@core/api';
import { invoiceTotals } from '@core/billing/invoice-totals';
import {
  ActionIcon,
  Alert,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { describeError } from '../../../i18n/apiErrors';
import { zodFieldErrors } from '../../../i18n/validation';
import { useFormatters } from '../../../i18n/format';
import { notifySuccess } from '../../../lib/notify';
import { useLeaveGuard } from '../../../lib/useLeaveGuard';
import { CurrencySelect } from '../../clients/components/CurrencySelect';
import { ClientPicker } from '../components/ClientPicker';
import { LoadError, MoneyInput } from '../components/common';
import { useCreateInvoiceFromLines, useUpdateDraft } from '../mutations';
import { billingQueries } from '../queries';
import { isPercent } from '../rates';
import { FormActions } from '../../../ui/FormActions';
import { AddRowButton, LongTextInput, PaymentTermsInput, PercentInput } from '../../../ui/fields';
import classes from './Page.module.css';

interface Line {
  key: number;
  description: string;
  quantity: string;
  unit: string;
  unitPriceMinor: number | null;
  discountMode: 'percent' | 'amount';
  discountPercent: string;
  discountAmountMinor: number | null;
  taxRatePercent: string;
}

let lineSeq = 0;

export function NewInvoiceRoute() {
  const [params] = useSearchParams();
  const engagementId = params.get('engagement');
  const engagement = useQuery({
    ...billingQueries.engagement(engagementId ?? ''),
    enabled: !!engagementId,
  });
  const profile = useQuery(billingQueries.profile());
  if ((engagementId && !engagement.data) || !profile.data) return <EditorSkeleton />;
  const e = engagement.data;
  return (
    <InvoiceEditor
      initial={{
        clientId: e?.clientId ?? null,
        engagementId: e?.id ?? null,
        currency: e?.currency ?? profile.data.defaultCurrency,
        kind: e?.type === 'time_and_materials' ? 'time_and_materials' : 'manual',
        taxMode: 'exclusive',
        depositMinor: 0,
        paymentTermsDays: '',
        supplyDate: '',
        notes: '',
        paymentInstructions: profile.data.paymentInstructions,
        lines: [blankLine(e?.taxRatePercent ?? profile.data.defaultTaxRatePercent)],
      }}
    />
  );
}

export function EditInvoiceRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery(billingQueries.invoice(id));
  if (query.isError)
    return (
      <div className={classes.scrollPage}>
        <LoadError message={describeError(query.error, t)} onRetry={() => void query.refetch()} />
      </div>
    );
  if (!query.data) return <EditorSkeleton />;
  return <InvoiceEditor draft={query.data} initial={valuesOf(query.data)} />;
}

function EditorSkeleton() {
  const { t } = useTranslation();
  return (
    <div className={classes.scrollPage} aria-busy aria-label={t('common.loading')}>
      <Skeleton height={32} width={300} />
      <Skeleton height={360} radius="md" />
    </div>
  );
}

function blankLine(taxRatePercent: string): Line {
  return {
    key: ++lineSeq,
    description: '',
    quantity: '1',
    unit: '',
    unitPriceMinor: null,
    discountMode: 'percent',
    discountPercent: '',
    discountAmountMinor: null,
    taxRatePercent,
  };
}

interface Values {
  clientId: string | null;
  engagementId: string | null;
  currency: string;
  kind: 'manual' | 'time_and_materials';
  taxMode: 'exclusive' | 'inclusive';
  depositMinor: number | null;
  paymentTermsDays: number | '';
  /** '' when not given. */
  supplyDate: string;
  notes: string;
  paymentInstructions: string;
  lines: Line[];
}

function valuesOf(inv: Invoice): Values {
  return {
    clientId: inv.clientId,
    engagementId: inv.engagementId,
    currency: inv.currency,
    kind: inv.kind === 'time_and_materials' ? 'time_and_materials' : 'manual',
    taxMode: inv.taxMode,
    depositMinor: inv.depositMinor,
    paymentTermsDays: inv.paymentTermsDays,
    supplyDate: inv.supplyDate ?? '',
    notes: inv.notes,
    paymentInstructions: inv.paymentInstructions,
    lines: inv.lines.map((l) => ({
      key: ++lineSeq,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPriceMinor: l.unitPriceMinor,
      discountMode: l.discount && 'amountMinor' in l.discount ? 'amount' : 'percent',
      discountPercent: l.discount && 'percent' in l.discount ? l.discount.percent : '',
      discountAmountMinor:
        l.discount && 'amountMinor' in l.discount ? l.discount.amountMinor : null,
      taxRatePercent: l.taxRatePercent,
    })),
  };
}

const QUANTITY = /^\d{1,9}(\.\d{1,6})?$/;
const LineText = InvoiceLineInput.pick({ description: true });
const DraftText = InvoiceFromLinesInput.pick({ notes: true, paymentInstructions: true });

/** A line's discount as the contract takes it, or null when there is none. */
function discountOf(l: Line): { percent: string } | { amountMinor: number } | null {
  if (l.discountMode === 'amount')
    return l.discountAmountMinor ? { amountMinor: l.discountAmountMinor } : null;
  return l.discountPercent.trim() ? { percent: l.discountPercent.trim() } : null;
}

function InvoiceEditor({ draft, initial }: { draft?: Invoice; initial: Values }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const create = useCreateInvoiceFromLines();
  const update = useUpdateDraft();
  const mutation = draft ? update : create;
  const [values, setValues] = useState<Values>(initial);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const isDirty = useCallback(() => dirty, [dirty]);
  const guard = useLeaveGuard(isDirty);
  const [submitted, setSubmitted] = useState(false);
  const [moneyGen, setMoneyGen] = useState(0);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const setLine = (key: number, patch: Partial<Line>) =>
    set(
      'lines',
      values.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)),
    );

  // Free text is checked against the contract's own limits, so "too long" is translated here.
  const lineLabel = () => t('invoices.lines.description');
  const lineErrors = values.lines.map((l) => ({
    description: l.description.trim()
      ? (zodFieldErrors(LineText, { description: l.description }, { t, label: lineLabel })
          .description ?? null)
      : t('invoices.errors.description'),
    quantity: QUANTITY.test(l.quantity.trim()) ? null : t('invoices.errors.quantity'),
    unitPriceMinor: l.unitPriceMinor === null ? t('invoices.errors.price') : null,
    discountPercent:
      l.discountMode === 'amount' || l.discountPercent === '' || isPercent(l.discountPercent)
        ? null
        : t('profile.errors.percent'),
    taxRatePercent: isPercent(l.taxRatePercent) ? null : t('profile.errors.percent'),
  }));
  const linesValid = lineErrors.every((e) => Object.values(e).every((x) => !x));
  const textErrors = zodFieldErrors(
    DraftText,
    { notes: values.notes, paymentInstructions: values.paymentInstructions },
    {
      t,
      label: (field) =>
        field === 'notes' ? t('invoices.fields.notes') : t('invoices.fields.paymentInstructions'),
    },
  );

  // Live totals, computed exactly as the services will (core/billing invoiceTotals).
  let totals: ReturnType<typeof invoiceTotals> | null = null;
  let totalsError: string | null = null;
  if (linesValid && values.lines.length > 0 && values.currency) {
    try {
      totals = invoiceTotals(
        values.lines.map((l) => {
          const discount = discountOf(l);
          return {
            quantity: l.quantity.trim(),
            unitPriceMinor: l.unitPriceMinor ?? 0,
            taxRatePercent: l.taxRatePercent.trim(),
            ...(discount ? { discount } : {}),
          };
        }),
        {
          currency: values.currency,
          taxMode: values.taxMode,
          depositMinor: values.depositMinor ?? 0,
        },
      );
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      totalsError = t(
        `invoices.totalsErrors.${code === 'DEDUCTIONS_EXCEED_TOTAL' ? 'deposit' : 'other'}`,
      );
    }
  }
  const money = (minor: number) => fmt.money(minor, values.currency);
  const invalid =
    !values.clientId ||
    !linesValid ||
    values.lines.length === 0 ||
    !!totalsError ||
    Object.keys(textErrors).length > 0;

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    setSubmitted(true);
    if (invalid || mutation.isPending) return;
    const lines: InvoiceLineInput[] = values.lines.map((l) => ({
      description: l.description.trim(),
      quantity: l.quantity.trim(),
      unit: l.unit.trim(),
      unitPriceMinor: l.unitPriceMinor ?? 0,
      discount: discountOf(l),
      taxRatePercent: l.taxRatePercent.trim(),
    }));
    const common = {
      lines,
      taxMode: values.taxMode,
      depositMinor: values.depositMinor ?? 0,
      supplyDate: values.supplyDate || null,
      notes: values.notes,
      paymentInstructions: values.paymentInstructions,
      ...(values.paymentTermsDays === '' ? {} : { paymentTermsDays: values.paymentTermsDays }),
    };
    const done = (inv: Invoice) => {
      guard.allowLeave();
      notifySuccess(draft ? t('invoices.toast.draftSaved') : t('invoices.toast.draftCreated'));
      navigate(`/invoices/${inv.id}`);
    };
    if (draft) update.mutate({ id: draft.id, changes: common }, { onSuccess: done });
    else
      create.mutate(
        {
          ...common,
          kind: values.kind,
          clientId: values.clientId!,
          engagementId: values.engagementId,
          ...(values.engagementId ? {} : { currency: values.currency }),
        },
        { onSuccess: done },
      );
  };

  const show = (error: string | null) => (submitted ? error : null);

  return (
    <div className={classes.scrollPage}>
      <Title order={2}>
        {draft ? t('invoices.editor.editTitle') : t('invoices.editor.newTitle')}
      </Title>
      <form
        onSubmit={save}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => save()]])}
        noValidate
        aria-label={draft ? t('invoices.editor.editTitle') : t('invoices.editor.newTitle')}
      >
        <Stack gap="md">
          <Paper withBorder radius="md" p="lg">
            <SimpleGrid cols={3} spacing="md">
              <ClientPicker
                label={t('invoices.fields.client')}
                withAsterisk
                value={values.clientId}
                disabled={!!draft || !!values.engagementId}
                placeholder={values.engagementId ? t('invoices.fromEngagement') : undefined}
                error={show(values.clientId ? null : t('engagements.errors.client'))}
                onClientChange={(c) => {
                  set('clientId', c?.id ?? null);
                  if (c) {
                    set('currency', c.defaultCurrency);
                    setMoneyGen((g) => g + 1);
                  }
                }}
              />
              <CurrencySelect
                label={t('invoices.fields.currency')}
                value={values.currency}
                disabled={!!draft || !!values.engagementId}
                onChange={(v) => {
                  if (v) {
                    set('currency', v);
                    setMoneyGen((g) => g + 1);
                  }
                }}
              />
              <Select
                label={t('invoices.fields.kind')}
                value={values.kind}
                disabled={!!draft}
                allowDeselect={false}
                data={[
                  { value: 'manual', label: t('invoices.kind.manual') },
                  { value: 'time_and_materials', label: t('invoices.kind.time_and_materials') },
                ]}
                onChange={(v) => v && set('kind', v as Values['kind'])}
                comboboxProps={{ withinPortal: true }}
              />
              <div>
                <Text size="sm" fw={500} mb={4} id="tax-mode-label">
                  {t('invoices.fields.taxMode')}
                </Text>
                <SegmentedControl
                  aria-labelledby="tax-mode-label"
                  value={values.taxMode}
                  onChange={(v) => set('taxMode', v as Values['taxMode'])}
                  data={[
                    { value: 'exclusive', label: t('invoices.taxMode.exclusive') },
                    { value: 'inclusive', label: t('invoices.taxMode.inclusive') },
                  ]}
                />
              </div>
              <PaymentTermsInput
                label={t('invoices.fields.paymentTerms')}
                description={t('engagements.fields.paymentTermsHint')}
                value={values.paymentTermsDays}
                onDaysChange={(v) => set('paymentTermsDays', v)}
              />
              <TextInput
                type="date"
                label={t('invoices.fields.supplyDate')}
                description={t('invoices.fields.supplyDateHint')}
                value={values.supplyDate}
                onChange={(e) => set('supplyDate', e.currentTarget.value)}
              />
              <MoneyInput
                key={`deposit-${moneyGen}`}
                label={t('invoices.fields.deposit')}
                currency={values.currency}
                initialMinor={values.depositMinor || null}
                onValueChange={(m) => set('depositMinor', m)}
              />
            </SimpleGrid>
          </Paper>

          <Paper withBorder radius="md" p="lg" component="fieldset" style={{ margin: 0 }}>
            <Title order={3} size="h5" mb="sm" component="legend">
              {t('invoices.linesLabel')}
            </Title>
            <Stack gap="xs">
              {values.lines.map((line, i) => (
                <Group
                  key={line.key}
                  gap="xs"
                  align="flex-start"
                  wrap="nowrap"
                  aria-label={t('invoices.lines.row', { n: i + 1 })}
                  role="group"
                >
                  <TextInput
                    flex={3}
                    label={t('invoices.lines.description')}
                    value={line.description}
                    error={show(lineErrors[i]!.description)}
                    onChange={(e) => setLine(line.key, { description: e.currentTarget.value })}
                  />
                  <TextInput
                    w={70}
                    label={t('invoices.lines.quantity')}
                    inputMode="decimal"
                    value={line.quantity}
                    error={show(lineErrors[i]!.quantity)}
                    onChange={(e) => setLine(line.key, { quantity: e.currentTarget.value })}
                  />
                  <TextInput
                    w={70}
                    label={t('invoices.lines.unit')}
                    value={line.unit}
                    onChange={(e) => setLine(line.key, { unit: e.currentTarget.value })}
                  />
                  <MoneyInput
                    key={`${line.key}-${moneyGen}`}
                    w={150}
                    label={t('invoices.lines.unitPrice')}
                    currency={values.currency}
                    initialMinor={line.unitPriceMinor}
                    error={show(lineErrors[i]!.unitPriceMinor)}
                    onValueChange={(m) => setLine(line.key, { unitPriceMinor: m })}
                  />
                  <Select
                    w={100}
                    label={t('invoices.lines.discountType')}
                    value={line.discountMode}
                    allowDeselect={false}
                    data={[
                      { value: 'percent', label: '%' },
                      { value: 'amount', label: t('invoices.lines.discountAmountShort') },
                    ]}
                    onChange={(v) =>
                      v && setLine(line.key, { discountMode: v as Line['discountMode'] })
                    }
                    comboboxProps={{ withinPortal: true }}
                  />
                  {line.discountMode === 'percent' ? (
                    <PercentInput
                      w={120}
                      label={t('invoices.lines.discount')}
                      value={line.discountPercent}
                      error={show(lineErrors[i]!.discountPercent)}
                      onValueChange={(discountPercent) => setLine(line.key, { discountPercent })}
                    />
                  ) : (
                    <MoneyInput
                      key={`discount-${line.key}-${moneyGen}`}
                      w={120}
                      label={t('invoices.lines.discount')}
                      currency={values.currency}
                      initialMinor={line.discountAmountMinor}
                      onValueChange={(m) => setLine(line.key, { discountAmountMinor: m })}
                    />
                  )}
                  <PercentInput
                    w={90}
                    label={t('invoices.lines.taxRate')}
                    value={line.taxRatePercent}
                    error={show(lineErrors[i]!.taxRatePercent)}
                    onValueChange={(taxRatePercent) => setLine(line.key, { taxRatePercent })}
                  />
                  <Stack gap={4} w={110} pt={4}>
                    <Text size="sm" fw={500} ta="right">
                      {t('invoices.lines.amount')}
                    </Text>
                    <Text ta="right" className="tabular" fw={600}>
                      {totals?.lines[i] ? money(totals.lines[i].amountMinor) : '—'}
                    </Text>
                  </Stack>
                  <ActionIcon
                    mt={26}
                    size={36}
                    variant="subtle"
                    color="red"
                    disabled={values.lines.length === 1}
                    aria-label={t('invoices.lines.remove', { n: i + 1 })}
                    onClick={() =>
                      set(
                        'lines',
                        values.lines.filter((l) => l.key !== line.key),
                      )
                    }
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <AddRowButton
                onClick={() =>
                  set('lines', [
                    ...values.lines,
                    blankLine(values.lines[values.lines.length - 1]?.taxRatePercent ?? '0'),
                  ])
                }
              >
                {t('invoices.lines.add')}
              </AddRowButton>
            </Stack>
          </Paper>

          <Group align="flex-start" grow>
            <Stack gap="sm">
              <LongTextInput
                label={t('invoices.fields.notes')}
                minRows={3}
                value={values.notes}
                error={show(textErrors.notes ?? null)}
                onValueChange={(v) => set('notes', v)}
              />
              <LongTextInput
                label={t('invoices.fields.paymentInstructions')}
                value={values.paymentInstructions}
                error={show(textErrors.paymentInstructions ?? null)}
                onValueChange={(v) => set('paymentInstructions', v)}
              />
            </Stack>
            <Paper withBorder radius="md" p="md" role="status" aria-label={t('invoices.totals')}>
              {totals ? (
                <SimpleGrid cols={2} spacing={4} className="tabular">
                  {totals.discountTotalMinor > 0 && (
                    <>
                      <Text size="sm">{t('invoices.discounts')}</Text>
                      <Text size="sm" ta="right" data-testid="editor-discounts">
                        −{money(totals.discountTotalMinor)}
                      </Text>
                    </>
                  )}
                  <Text size="sm">{t('invoices.subtotal')}</Text>
                  <Text size="sm" ta="right">
                    {money(totals.subtotalMinor)}
                  </Text>
                  {totals.taxSummary.map((row) => (
                    <Group
                      key={row.taxRatePercent}
                      style={{ gridColumn: '1 / -1' }}
                      justify="space-between"
                    >
                      <Text size="sm">{t('invoices.taxAt', { rate: row.taxRatePercent })}</Text>
                      <Text size="sm">{money(row.taxMinor)}</Text>
                    </Group>
                  ))}
                  <Text fw={700}>{t('invoices.total')}</Text>
                  <Text fw={700} ta="right" data-testid="editor-total">
                    {money(totals.totalMinor)}
                  </Text>
                  {totals.depositMinor > 0 && (
                    <>
                      <Text size="sm">{t('invoices.deposit')}</Text>
                      <Text size="sm" ta="right">
                        −{money(totals.depositMinor)}
                      </Text>
                    </>
                  )}
                  <Text fw={700}>{t('invoices.amountDue')}</Text>
                  <Text fw={700} ta="right">
                    {money(totals.amountDueMinor)}
                  </Text>
                </SimpleGrid>
              ) : (
                <Text size="sm" c={totalsError ? 'red' : 'dimmed'}>
                  {totalsError ?? t('invoices.totalsPending')}
                </Text>
              )}
            </Paper>
          </Group>

          {mutation.isError && (
            <Alert color="red" variant="light" role="alert">
              {describeError(mutation.error, t, values.currency)}
            </Alert>
          )}
          <FormActions
            submitLabel={t('invoices.editor.saveDraft')}
            saving={mutation.isPending}
            onCancel={() => navigate(-1)}
          />
        </Stack>
      </form>
      {guard.dialog}
    </div>
  );
}

import {
  EngagementPatch,
  type Engagement,
  type EngagementStage,
  type EngagementType,
} from '@core/api';
import { Alert, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../i18n/apiErrors';
import { zodFieldErrors } from '../../../i18n/validation';
import { notifySuccess } from '../../../lib/notify';
import { useLeaveGuard } from '../../../lib/useLeaveGuard';
import { CurrencySelect } from '../../clients/components/CurrencySelect';
import { useCreateEngagement, useUpdateEngagement } from '../mutations';
import { ENGAGEMENT_STAGES, ENGAGEMENT_TYPES } from '../options';
import { isPercent } from '../rates';
import { ClientPicker } from './ClientPicker';
import { MoneyInput } from './common';
import { FormActions } from '../../../ui/FormActions';
import { LongTextInput, PaymentTermsInput, PercentInput } from '../../../ui/fields';

/** The free-text fields, checked against the contract's own limits (translated "too long"). */
const TextFields = EngagementPatch.pick({ title: true, scope: true, deliverables: true });

interface Values {
  clientId: string | null;
  title: string;
  type: EngagementType;
  stage: EngagementStage;
  currency: string;
  contractValueMinor: number | null;
  startDate: string;
  endDate: string;
  taxRatePercent: string;
  paymentTermsDays: number | '';
  scope: string;
  deliverables: string;
}

/** Create or edit an engagement; Ctrl/Cmd+Enter saves. */
export function EngagementFormModal({
  engagement,
  opened,
  onClose,
  onSaved,
}: {
  engagement?: Engagement;
  opened: boolean;
  onClose: () => void;
  onSaved?: (engagement: Engagement) => void;
}) {
  const { t } = useTranslation();
  // The form decides: with unsaved changes, Esc and the close button ask first.
  const requestClose = useRef<() => void>(onClose);
  return (
    <Modal
      opened={opened}
      onClose={() => requestClose.current()}
      // Escape is handled here rather than by Mantine's window listener: every mounted modal
      // has one, so the Escape that opens "Discard unsaved changes?" reached that dialog's
      // listener too, which then saw it open and closed it at once (the question flashed by).
      // Escapes from inside the discard dialog (another portal) are left to that dialog.
      closeOnEscape={false}
      onKeyDown={(event) => {
        if (
          event.key === 'Escape' &&
          !event.nativeEvent.isComposing &&
          event.currentTarget.contains(event.target as Node)
        )
          requestClose.current();
      }}
      size="xl"
      title={engagement ? t('engagements.editor.editTitle') : t('engagements.editor.newTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && (
        <EngagementForm
          engagement={engagement}
          onClose={onClose}
          onSaved={onSaved}
          requestCloseRef={requestClose}
        />
      )}
    </Modal>
  );
}

function EngagementForm({
  engagement,
  onClose,
  onSaved,
  requestCloseRef,
}: {
  engagement?: Engagement | undefined;
  onClose: () => void;
  onSaved?: ((engagement: Engagement) => void) | undefined;
  requestCloseRef: RefObject<() => void>;
}) {
  const { t } = useTranslation();
  const create = useCreateEngagement();
  const update = useUpdateEngagement();
  const [values, setValues] = useState<Values>(() => ({
    clientId: engagement?.clientId ?? null,
    title: engagement?.title ?? '',
    type: engagement?.type ?? 'fixed_price',
    stage: engagement?.stage ?? 'won',
    currency: engagement?.currency ?? '',
    contractValueMinor: engagement?.contractValueMinor ?? null,
    startDate: engagement?.startDate ?? '',
    endDate: engagement?.endDate ?? '',
    taxRatePercent: engagement?.taxRatePercent ?? '',
    paymentTermsDays: engagement?.paymentTermsDays ?? '',
    scope: engagement?.scope ?? '',
    deliverables: engagement?.deliverables ?? '',
  }));
  const [initialValues] = useState(values);
  const dirty = JSON.stringify(values) !== JSON.stringify(initialValues);
  const guard = useLeaveGuard(useCallback(() => dirty, [dirty]));
  const { confirmLeave } = guard;
  useEffect(() => {
    requestCloseRef.current = () => confirmLeave(onClose);
  });
  const [moneyKey, setMoneyKey] = useState(0);
  const [submitted, setSubmitted] = useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const textErrors = zodFieldErrors(
    TextFields,
    { title: values.title, scope: values.scope, deliverables: values.deliverables },
    {
      t,
      label: (field) =>
        field === 'scope'
          ? t('engagements.fields.scope')
          : field === 'deliverables'
            ? t('engagements.fields.deliverables')
            : t('engagements.fields.title'),
    },
  );
  const errors = {
    clientId: values.clientId ? null : t('engagements.errors.client'),
    title: values.title.trim() ? (textErrors.title ?? null) : t('engagements.errors.title'),
    scope: textErrors.scope ?? null,
    deliverables: textErrors.deliverables ?? null,
    currency: values.currency ? null : t('engagements.errors.currency'),
    contractValueMinor: values.contractValueMinor === null ? t('engagements.errors.amount') : null,
    endDate:
      values.startDate && values.endDate && values.endDate < values.startDate
        ? t('engagements.errors.endBeforeStart')
        : null,
    taxRatePercent:
      values.taxRatePercent === '' || isPercent(values.taxRatePercent)
        ? null
        : t('profile.errors.percent'),
  };
  const invalid = Object.values(errors).some(Boolean);
  const show = (key: keyof typeof errors) => (submitted ? errors[key] : null);
  const mutation = engagement ? update : create;

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    setSubmitted(true);
    if (invalid || mutation.isPending) return;
    const common = {
      title: values.title.trim(),
      type: values.type,
      stage: values.stage,
      currency: values.currency,
      contractValueMinor: values.contractValueMinor ?? 0,
      startDate: values.startDate || null,
      endDate: values.endDate || null,
      scope: values.scope,
      deliverables: values.deliverables,
      ...(values.taxRatePercent ? { taxRatePercent: values.taxRatePercent } : {}),
    };
    const done = (saved: Engagement) => {
      notifySuccess(
        engagement
          ? t('engagements.toast.updated', { title: saved.title })
          : t('engagements.toast.created', { title: saved.title }),
      );
      guard.allowLeave();
      onSaved?.(saved);
      onClose();
    };
    if (engagement) {
      update.mutate(
        {
          id: engagement.id,
          changes: {
            ...common,
            paymentTermsDays: values.paymentTermsDays === '' ? null : values.paymentTermsDays,
          },
        },
        { onSuccess: done },
      );
    } else {
      create.mutate(
        {
          ...common,
          clientId: values.clientId!,
          ...(values.paymentTermsDays === '' ? {} : { paymentTermsDays: values.paymentTermsDays }),
        },
        { onSuccess: done },
      );
    }
  };

  return (
    <form
      onSubmit={save}
      onKeyDown={getHotkeyHandler([['mod+Enter', () => save()]])}
      noValidate
      aria-label={engagement ? t('engagements.editor.editTitle') : t('engagements.editor.newTitle')}
    >
      <Stack gap="md">
        {mutation.isError && (
          <Alert color="red" variant="light" role="alert">
            {describeError(mutation.error, t, values.currency)}
          </Alert>
        )}
        <SimpleGrid cols={2} spacing="md">
          <ClientPicker
            label={t('engagements.fields.client')}
            withAsterisk
            value={values.clientId}
            disabled={!!engagement}
            error={show('clientId')}
            onClientChange={(client) => {
              set('clientId', client?.id ?? null);
              // The currency follows the client until the user picks one.
              if (client && !engagement) {
                set('currency', client.defaultCurrency);
                setMoneyKey((k) => k + 1);
              }
            }}
          />
          <TextInput
            label={t('engagements.fields.title')}
            withAsterisk
            value={values.title}
            error={show('title')}
            onChange={(e) => set('title', e.currentTarget.value)}
            data-autofocus
          />
          <Select
            label={t('engagements.fields.type')}
            value={values.type}
            allowDeselect={false}
            data={ENGAGEMENT_TYPES.map((v) => ({ value: v, label: t(`engagements.type.${v}`) }))}
            onChange={(v) => v && set('type', v as EngagementType)}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('engagements.fields.stage')}
            value={values.stage}
            allowDeselect={false}
            data={ENGAGEMENT_STAGES.map((v) => ({ value: v, label: t(`engagements.stage.${v}`) }))}
            onChange={(v) => v && set('stage', v as EngagementStage)}
            comboboxProps={{ withinPortal: true }}
          />
          <CurrencySelect
            label={t('engagements.fields.currency')}
            withAsterisk
            value={values.currency || null}
            error={show('currency')}
            disabled={!!engagement && engagement.invoiceCount > 0}
            onChange={(v) => {
              if (v) {
                set('currency', v);
                setMoneyKey((k) => k + 1);
              }
            }}
          />
          <MoneyInput
            key={`${values.currency}-${moneyKey}`}
            label={t('engagements.fields.contractValue')}
            withAsterisk
            currency={values.currency || 'USD'}
            disabled={!values.currency}
            initialMinor={values.contractValueMinor}
            error={show('contractValueMinor')}
            onValueChange={(minor) => set('contractValueMinor', minor)}
          />
          <TextInput
            type="date"
            label={t('engagements.fields.startDate')}
            value={values.startDate}
            onChange={(e) => set('startDate', e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('engagements.fields.endDate')}
            value={values.endDate}
            error={show('endDate')}
            onChange={(e) => set('endDate', e.currentTarget.value)}
          />
          <PercentInput
            label={t('engagements.fields.taxRate')}
            description={t('engagements.fields.taxRateHint')}
            value={values.taxRatePercent}
            error={show('taxRatePercent')}
            onValueChange={(v) => set('taxRatePercent', v)}
          />
          <PaymentTermsInput
            label={t('engagements.fields.paymentTerms')}
            description={t('engagements.fields.paymentTermsHint')}
            value={values.paymentTermsDays}
            onDaysChange={(v) => set('paymentTermsDays', v)}
          />
        </SimpleGrid>
        <LongTextInput
          label={t('engagements.fields.scope')}
          value={values.scope}
          error={show('scope')}
          onValueChange={(v) => set('scope', v)}
        />
        <LongTextInput
          label={t('engagements.fields.deliverables')}
          value={values.deliverables}
          error={show('deliverables')}
          onValueChange={(v) => set('deliverables', v)}
        />
        <FormActions
          submitLabel={engagement ? t('engagements.editor.save') : t('engagements.editor.create')}
          saving={mutation.isPending}
          onCancel={() => guard.confirmLeave(onClose)}
        />
      </Stack>
      {guard.dialog}
    </form>
  );
}

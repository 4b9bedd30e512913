import type { Engagement, EngagementStage, EngagementType } from '@core/api';
import {
  Alert,
  Button,
  Group,
  Kbd,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../i18n/apiErrors';
import { notifySuccess } from '../../../lib/notify';
import { modKey } from '../../../lib/platform';
import { useLeaveGuard } from '../../../lib/useLeaveGuard';
import { CurrencySelect } from '../../clients/components/CurrencySelect';
import { useCreateEngagement, useUpdateEngagement } from '../mutations';
import { ENGAGEMENT_STAGES, ENGAGEMENT_TYPES } from '../options';
import { isPercent } from '../rates';
import { ClientPicker } from './ClientPicker';
import { MoneyInput } from './common';

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

  const errors = {
    clientId: values.clientId ? null : t('engagements.errors.client'),
    title: values.title.trim() ? null : t('engagements.errors.title'),
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
              if (client && !engagement) set('currency', client.defaultCurrency);
              if (client && !engagement) setMoneyKey((k) => k + 1);
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
          <TextInput
            label={t('engagements.fields.taxRate')}
            description={t('engagements.fields.taxRateHint')}
            rightSection="%"
            value={values.taxRatePercent}
            error={show('taxRatePercent')}
            onChange={(e) => set('taxRatePercent', e.currentTarget.value)}
          />
          <NumberInput
            label={t('engagements.fields.paymentTerms')}
            description={t('engagements.fields.paymentTermsHint')}
            min={0}
            max={365}
            allowDecimal={false}
            value={values.paymentTermsDays}
            onChange={(v) => set('paymentTermsDays', v === '' ? '' : Number(v))}
          />
        </SimpleGrid>
        <Textarea
          label={t('engagements.fields.scope')}
          autosize
          minRows={2}
          value={values.scope}
          onChange={(e) => set('scope', e.currentTarget.value)}
        />
        <Textarea
          label={t('engagements.fields.deliverables')}
          autosize
          minRows={2}
          value={values.deliverables}
          onChange={(e) => set('deliverables', e.currentTarget.value)}
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">{modKey()}</Kbd> + <Kbd size="xs">Enter</Kbd> {t('billing.toSave')}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={() => guard.confirmLeave(onClose)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {engagement ? t('engagements.editor.save') : t('engagements.editor.create')}
            </Button>
          </Group>
        </Group>
      </Stack>
      {guard.dialog}
    </form>
  );
}

import { todayIso } from '../format';
import { DEFAULT_ACCENT_COLOR, type Profile, type ProfilePatch } from '@core/api';
import { formatDocumentNumber, validateNumberPattern } from '@core/billing/numbering';
import {
  Alert,
  Avatar,
  Button,
  ColorInput,
  Fieldset,
  FileButton,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../i18n/apiErrors';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { CurrencySelect } from '../../clients/components/CurrencySelect';
import { useUpdateProfile } from '../mutations';
import { billingQueries } from '../queries';
import { fractionToPercent, isPercent, percentToFraction } from '../rates';
import { LoadError } from './common';
import { LongTextInput, PaymentTermsInput, PercentInput } from '../../../ui/fields';

const LOGO_MAX_BYTES = 512 * 1024;

/** Accent colours that print well on white and stay readable as table-header fills. */
const ACCENT_SWATCHES = [
  DEFAULT_ACCENT_COLOR,
  '#0B7285',
  '#2B8A3E',
  '#5F3DC4',
  '#A61E4D',
  '#C92A2A',
  '#D9480F',
  '#343A40',
];

type Values = Omit<Profile, 'updatedAt' | 'lateInterestAnnualRate'> & { latePercent: string };

function valuesOf(profile: Profile): Values {
  const { updatedAt: _u, lateInterestAnnualRate, ...rest } = profile;
  return {
    ...rest,
    accentColor: rest.accentColor || DEFAULT_ACCENT_COLOR,
    latePercent: fractionToPercent(lateInterestAnnualRate),
  };
}

/** The seller on every invoice: Settings › Your business. */
export function ProfileSection() {
  const { t } = useTranslation();
  const query = useQuery(billingQueries.profile());
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="settings-profile">
      <Stack gap={2} mb="md">
        <Title order={2} size="h5" id="settings-profile">
          {t('profile.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('profile.description')}
        </Text>
      </Stack>
      {query.data ? (
        <ProfileForm key={query.data.updatedAt ?? 'new'} profile={query.data} />
      ) : query.isError ? (
        <LoadError message={describeError(query.error, t)} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="sm" aria-busy aria-label={t('common.loading')}>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} height={36} radius="md" />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const [values, setValues] = useState<Values>(() => valuesOf(profile));
  const [logoError, setLogoError] = useState<string | null>(null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const patternError = (pattern: string) => {
    const code = validateNumberPattern(pattern);
    return code ? t(`profile.patternErrors.${code}`) : null;
  };
  const example = (pattern: string) =>
    validateNumberPattern(pattern)
      ? null
      : formatDocumentNumber(pattern, { date: todayIso(), seq: 7 });
  const invoicePatternError = patternError(values.invoiceNumberPattern);
  const creditPatternError = patternError(values.creditNoteNumberPattern);
  const taxError = isPercent(values.defaultTaxRatePercent) ? null : t('profile.errors.percent');
  const lateFraction = percentToFraction(values.latePercent);
  const lateError =
    lateFraction !== null && Number(lateFraction) <= 10 ? null : t('profile.errors.lateRate');
  const accentError = /^#[0-9A-Fa-f]{6}$/.test(values.accentColor)
    ? null
    : t('profile.branding.accentColorError');
  const hasErrors = !!(
    invoicePatternError ||
    creditPatternError ||
    taxError ||
    lateError ||
    accentError
  );

  const onLogo = async (file: File | null) => {
    if (!file) return;
    setLogoError(null);
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
      setLogoError(t('profile.logo.wrongType'));
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      setLogoError(t('profile.logo.tooLarge', { size: Math.ceil(file.size / 1024), max: 512 }));
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    set('logo', { mimeType: file.type, base64: btoa(binary) });
  };

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (hasErrors || lateFraction === null) return;
    const { latePercent: _l, ...rest } = values;
    const changes: ProfilePatch = {
      ...rest,
      logo: rest.logo as ProfilePatch['logo'],
      lateInterestAnnualRate: lateFraction,
    };
    update.mutate(
      { changes },
      {
        onSuccess: () => notifySuccess(t('profile.saved')),
        onError: (error) => notifyError(describeError(error, t)),
      },
    );
  };

  const text = (key: 'name' | 'businessName' | 'taxId' | 'email' | 'phone') => (
    <TextInput
      label={t(`profile.fields.${key}`)}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
    />
  );

  return (
    <form
      onSubmit={save}
      onKeyDown={getHotkeyHandler([['mod+Enter', () => save()]])}
      aria-label={t('profile.title')}
      noValidate
    >
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="md">
          {text('name')}
          {text('businessName')}
          {text('taxId')}
          {text('email')}
          {text('phone')}
        </SimpleGrid>
        <LongTextInput
          label={t('profile.fields.address')}
          value={values.address}
          onValueChange={(v) => set('address', v)}
        />
        <SimpleGrid cols={2} spacing="md">
          <LongTextInput
            label={t('profile.fields.bankDetails')}
            value={values.bankDetails}
            onValueChange={(v) => set('bankDetails', v)}
          />
          <LongTextInput
            label={t('profile.fields.paymentInstructions')}
            value={values.paymentInstructions}
            onValueChange={(v) => set('paymentInstructions', v)}
          />
        </SimpleGrid>

        <Fieldset
          legend={
            <Text fw={600} size="sm" component="span">
              {t('profile.branding.title')}
            </Text>
          }
          variant="filled"
          radius="md"
          aria-describedby="branding-description"
        >
          <Stack gap="md">
            <Text size="sm" c="dimmed" id="branding-description">
              {t('profile.branding.description')}
            </Text>
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                {t('profile.logo.label')}
              </Text>
              <Group gap="md">
                <Avatar
                  src={
                    values.logo ? `data:${values.logo.mimeType};base64,${values.logo.base64}` : null
                  }
                  alt={values.logo ? t('profile.logo.preview') : undefined}
                  size={64}
                  radius="md"
                >
                  <IconPhotoUp size={24} aria-hidden />
                </Avatar>
                <FileButton onChange={(file) => void onLogo(file)} accept="image/png,image/jpeg">
                  {(props) => (
                    <Button variant="default" {...props}>
                      {values.logo ? t('profile.logo.replace') : t('profile.logo.upload')}
                    </Button>
                  )}
                </FileButton>
                {values.logo && (
                  <Button
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={16} aria-hidden />}
                    onClick={() => set('logo', null)}
                  >
                    {t('profile.logo.remove')}
                  </Button>
                )}
                <Text size="xs" c="dimmed">
                  {t('profile.logo.hint', { max: 512 })}
                </Text>
              </Group>
              {logoError && (
                <Alert color="red" variant="light" role="alert">
                  {logoError}
                </Alert>
              )}
            </Stack>
            <SimpleGrid cols={2} spacing="md">
              <ColorInput
                label={t('profile.branding.accentColor')}
                description={t('profile.branding.accentColorHint')}
                format="hex"
                value={values.accentColor}
                error={accentError}
                swatches={ACCENT_SWATCHES}
                swatchesPerRow={8}
                withEyeDropper={false}
                onChange={(value) => set('accentColor', value.toUpperCase())}
              />
              <LongTextInput
                label={t('profile.branding.footer')}
                description={t('profile.branding.footerHint')}
                placeholder={t('profile.branding.footerPlaceholder')}
                minRows={1}
                maxLength={500}
                value={values.documentFooter}
                onValueChange={(v) => set('documentFooter', v)}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <SimpleGrid cols={2} spacing="md">
          <CurrencySelect
            label={t('profile.fields.defaultCurrency')}
            value={values.defaultCurrency}
            onChange={(value) => value && set('defaultCurrency', value)}
          />
          <PaymentTermsInput
            label={t('profile.fields.paymentTerms')}
            description={t('profile.fields.paymentTermsHint')}
            value={values.defaultPaymentTermsDays}
            onDaysChange={(days) => set('defaultPaymentTermsDays', days || 0)}
          />
          <PercentInput
            label={t('profile.fields.taxRate')}
            value={values.defaultTaxRatePercent}
            error={taxError}
            onValueChange={(v) => set('defaultTaxRatePercent', v)}
          />
          <PercentInput
            label={t('profile.fields.lateInterest')}
            description={t('profile.fields.lateInterestHint')}
            value={values.latePercent}
            error={lateError}
            onValueChange={(v) => set('latePercent', v)}
          />
          <TextInput
            label={t('profile.fields.invoicePattern')}
            value={values.invoiceNumberPattern}
            error={invoicePatternError}
            description={
              example(values.invoiceNumberPattern)
                ? t('profile.example', { number: example(values.invoiceNumberPattern) })
                : t('profile.patternHint')
            }
            onChange={(e) => set('invoiceNumberPattern', e.currentTarget.value)}
            classNames={{ input: 'tabular' }}
          />
          <TextInput
            label={t('profile.fields.creditNotePattern')}
            value={values.creditNoteNumberPattern}
            error={creditPatternError}
            description={
              example(values.creditNoteNumberPattern)
                ? t('profile.example', { number: example(values.creditNoteNumberPattern) })
                : t('profile.patternHint')
            }
            onChange={(e) => set('creditNoteNumberPattern', e.currentTarget.value)}
            classNames={{ input: 'tabular' }}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={hasErrors}>
            {t('profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

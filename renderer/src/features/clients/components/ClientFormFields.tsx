import {
  Fieldset,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatMoneyInput, isCurrencyCode, readAmount } from '../../../lib/money';
import type { ClientFormValues } from '../form';
import { CurrencySelect } from './CurrencySelect';

function Section({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <Fieldset
      variant="unstyled"
      legend={
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.05em' }}>
          {legend}
        </Text>
      }
    >
      <Stack gap="sm" mt={6}>
        {children}
      </Stack>
    </Fieldset>
  );
}

export function ClientFormFields({ form }: { form: UseFormReturnType<ClientFormValues> }) {
  const { t, i18n } = useTranslation();
  const currency = form.values.defaultCurrency;
  const dayRateProps = form.getInputProps('defaultDayRate');

  // Shown back grouped and with the currency's decimals once the user leaves the field.
  const tidyDayRate = () => {
    const text = form.values.defaultDayRate;
    if (!currency || !isCurrencyCode(currency) || !text.trim()) return;
    const parsed = readAmount(text, currency, i18n.language);
    if (parsed.ok && parsed.minor >= 0) {
      form.setFieldValue('defaultDayRate', formatMoneyInput(parsed.minor, currency, i18n.language));
    }
  };

  return (
    <Stack gap="xl">
      <Section legend={t('clients.sections.identity')}>
        <TextInput
          label={t('clients.fields.displayName')}
          description={t('clients.hints.displayName')}
          withAsterisk
          data-autofocus
          autoComplete="off"
          {...form.getInputProps('displayName')}
        />
        <TextInput
          label={t('clients.fields.legalName')}
          autoComplete="off"
          {...form.getInputProps('legalName')}
        />
      </Section>

      <Section legend={t('clients.sections.contact')}>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <TextInput
            label={t('clients.fields.contactPerson')}
            autoComplete="off"
            {...form.getInputProps('contactPerson')}
          />
          <TextInput
            label={t('clients.fields.phone')}
            type="tel"
            autoComplete="off"
            {...form.getInputProps('phone')}
          />
        </SimpleGrid>
        <TextInput
          label={t('clients.fields.email')}
          type="email"
          autoComplete="off"
          placeholder="name@example.com"
          {...form.getInputProps('email')}
        />
        <Textarea
          label={t('clients.fields.address')}
          autosize
          minRows={2}
          maxRows={5}
          {...form.getInputProps('address')}
        />
      </Section>

      <Section legend={t('clients.sections.billing')}>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <CurrencySelect
            label={t('clients.fields.defaultCurrency')}
            withAsterisk
            {...form.getInputProps('defaultCurrency')}
          />
          <TextInput
            label={t('clients.fields.defaultDayRate')}
            inputMode="decimal"
            autoComplete="off"
            placeholder={formatMoneyInput(
              0,
              currency && isCurrencyCode(currency) ? currency : 'EUR',
              i18n.language,
            )}
            rightSection={
              currency ? (
                <Text size="xs" c="dimmed" aria-hidden>
                  {currency}
                </Text>
              ) : null
            }
            rightSectionWidth={48}
            styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
            {...dayRateProps}
            onBlur={(event) => {
              tidyDayRate();
              dayRateProps.onBlur?.(event);
            }}
          />
          <NumberInput
            label={t('clients.fields.paymentTermsDays')}
            description={t('clients.hints.paymentTermsDays')}
            min={0}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="blur"
            {...form.getInputProps('paymentTermsDays')}
          />
          <Select
            label={t('clients.fields.documentLanguage')}
            description={t('clients.hints.documentLanguage')}
            allowDeselect={false}
            data={[
              { value: 'en', label: t('languages.en') },
              { value: 'zh-CN', label: t('languages.zh-CN') },
            ]}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('documentLanguage')}
          />
        </SimpleGrid>
        <TextInput
          label={t('clients.fields.taxId')}
          autoComplete="off"
          {...form.getInputProps('taxId')}
        />
      </Section>

      <Section legend={t('clients.sections.notes')}>
        <Textarea
          aria-label={t('clients.fields.notes')}
          placeholder={t('clients.hints.notes')}
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('notes')}
        />
      </Section>
    </Stack>
  );
}

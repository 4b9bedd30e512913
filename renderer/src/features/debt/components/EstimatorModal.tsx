import { CostEstimate, type CostEstimate as Estimate } from '@core/api/debt';
import { estimateQuarterlyCost, type EstimateStep } from '@core/techdebt/estimator';
import {
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minorDigits } from '../../../lib/money';
import { useDebtFormat } from '../format';

type Method = Estimate['method'];
const METHODS: Method[] = ['incidents', 'developer-time', 'slow-operations', 'revenue-at-risk'];

interface FieldSpec {
  key: string;
  label: string;
  kind: 'count' | 'share' | 'money' | 'spreadHigh';
}

const FIELDS: Record<Method, FieldSpec[]> = {
  incidents: [
    { key: 'incidentsPerQuarter', label: 'incidentsPerQuarter', kind: 'count' },
    { key: 'hoursEach', label: 'hoursEach', kind: 'count' },
    { key: 'people', label: 'people', kind: 'count' },
    { key: 'hourlyCostMinor', label: 'hourlyCost', kind: 'money' },
  ],
  'developer-time': [
    { key: 'developers', label: 'developers', kind: 'count' },
    { key: 'shareOfTime', label: 'shareOfTime', kind: 'share' },
    { key: 'loadedCostPerQuarterMinor', label: 'loadedCostPerQuarter', kind: 'money' },
  ],
  'slow-operations': [
    { key: 'users', label: 'users', kind: 'count' },
    { key: 'secondsLostPerUse', label: 'secondsLostPerUse', kind: 'count' },
    { key: 'usesPerUserPerQuarter', label: 'usesPerUserPerQuarter', kind: 'count' },
    { key: 'hourValueMinor', label: 'hourValue', kind: 'money' },
  ],
  'revenue-at-risk': [
    { key: 'probabilityPerQuarter', label: 'probabilityPerQuarter', kind: 'share' },
    { key: 'impactMinor', label: 'impact', kind: 'money' },
  ],
};

const SPREAD: FieldSpec[] = [
  { key: 'spreadLow', label: 'spreadLow', kind: 'share' },
  { key: 'spreadHigh', label: 'spreadHigh', kind: 'spreadHigh' },
];

type Values = Record<string, number | string>;

function initialValues(): Record<Method, Values> {
  const base: Record<Method, Values> = {
    incidents: { incidentsPerQuarter: '', hoursEach: '', people: '', hourlyCostMinor: '' },
    'developer-time': { developers: '', shareOfTime: '', loadedCostPerQuarterMinor: '' },
    'slow-operations': {
      users: '',
      secondsLostPerUse: '',
      usesPerUserPerQuarter: '',
      hourValueMinor: '',
    },
    'revenue-at-risk': { probabilityPerQuarter: '', impactMinor: '' },
  };
  for (const m of METHODS) Object.assign(base[m], { spreadLow: 70, spreadHigh: 1.5 });
  return base;
}

/**
 * The cost estimator: four ways from what the consultant can observe to a quarterly cost,
 * with the working shown line by line. "Use these figures" hands low/likely/high and the
 * saved working back to the form.
 */
export function EstimatorModal({
  currency,
  initial,
  onClose,
  onUse,
}: {
  currency: string;
  initial: Estimate | null;
  onClose: () => void;
  onUse: (estimate: Estimate, figures: { low: number; likely: number; high: number }) => void;
}) {
  const { t } = useTranslation();
  const fmt = useDebtFormat();
  const digits = minorDigits(currency);
  const [method, setMethod] = useState<Method>(initial?.method ?? 'incidents');
  const [values, setValues] = useState(() => {
    const all = initialValues();
    if (initial) {
      const { method: m, ...rest } = initial;
      const shown: Values = {};
      for (const [key, value] of Object.entries(rest)) {
        const spec = [...FIELDS[m], ...SPREAD].find((f) => f.key === key);
        shown[key] =
          spec?.kind === 'money'
            ? (value as number) / 10 ** digits
            : spec?.kind === 'share'
              ? (value as number) * 100
              : (value as number);
      }
      all[m] = shown;
    }
    return all;
  });

  const toEstimate = (m: Method): Estimate | null => {
    const raw: Record<string, unknown> = { method: m };
    for (const spec of [...FIELDS[m], ...SPREAD]) {
      const v = values[m][spec.key];
      if (v === '' || v === undefined) return null;
      const n = Number(v);
      raw[spec.key] =
        spec.kind === 'money' ? Math.round(n * 10 ** digits) : spec.kind === 'share' ? n / 100 : n;
    }
    const parsed = CostEstimate.safeParse(raw);
    return parsed.success ? parsed.data : null;
  };

  const estimate = toEstimate(method);
  const result = estimate ? estimateQuarterlyCost(estimate) : null;

  const stepValue = (s: EstimateStep) => {
    switch (s.unit) {
      case 'money':
        return fmt.money(s.value, currency);
      case 'share':
        return fmt.percent(s.value);
      case 'hours':
        return t('debt.estimator.unit.hours', { value: fmt.decimal(s.value) });
      case 'seconds':
        return t('debt.estimator.unit.seconds', { value: fmt.decimal(s.value) });
      case 'factor':
        return t('debt.estimator.unit.factor', { value: fmt.decimal(s.value) });
      default:
        return fmt.number(Math.round(s.value * 100) / 100);
    }
  };

  const input = (spec: FieldSpec) => (
    <NumberInput
      key={spec.key}
      label={t(`debt.estimator.fields.${spec.label}` as 'debt.estimator.fields.users')}
      value={values[method][spec.key] ?? ''}
      onChange={(value) =>
        setValues((prev) => ({ ...prev, [method]: { ...prev[method], [spec.key]: value } }))
      }
      min={spec.kind === 'spreadHigh' ? 1 : 0}
      max={spec.kind === 'share' ? 100 : spec.kind === 'spreadHigh' ? 10 : undefined}
      step={spec.kind === 'spreadHigh' ? 0.1 : 1}
      decimalScale={spec.kind === 'money' ? digits : 4}
      thousandSeparator={spec.kind === 'money' ? ',' : undefined}
      suffix={spec.kind === 'share' ? ' %' : undefined}
      prefix={spec.kind === 'spreadHigh' ? '× ' : undefined}
      leftSection={
        spec.kind === 'money' ? (
          <Text size="xs" c="dimmed">
            {currency}
          </Text>
        ) : undefined
      }
      leftSectionWidth={spec.kind === 'money' ? 44 : undefined}
    />
  );

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('debt.estimator.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('debt.estimator.intro')}
        </Text>
        <Tabs value={method} onChange={(v) => v && setMethod(v as Method)} keepMounted={false}>
          <Tabs.List>
            {METHODS.map((m) => (
              <Tabs.Tab key={m} value={m}>
                {t(`debt.estimator.methods.${m}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {METHODS.map((m) => (
            <Tabs.Panel key={m} value={m} pt="md">
              <SimpleGrid cols={2} spacing="sm">
                {FIELDS[m].map(input)}
                {SPREAD.map(input)}
              </SimpleGrid>
            </Tabs.Panel>
          ))}
        </Tabs>

        <Paper
          withBorder
          radius="md"
          p="md"
          component="section"
          aria-label={t('debt.estimator.working')}
        >
          <Text fw={600} size="sm" mb="xs">
            {t('debt.estimator.working')}
          </Text>
          {result ? (
            <Table withRowBorders={false} verticalSpacing={4} fz="sm">
              <Table.Tbody>
                {result.steps.map((s) => (
                  <Table.Tr key={s.labelKey}>
                    <Table.Td>{t(s.labelKey as 'debt.estimator.step.users')}</Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {stepValue(s)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              {t('debt.estimator.invalid')}
            </Text>
          )}
        </Paper>

        {result && (
          <SimpleGrid cols={3} role="group" aria-label={t('debt.estimator.result')}>
            {(['low', 'likely', 'high'] as const).map((k) => (
              <Paper key={k} withBorder radius="md" p="sm" ta="center">
                <Text size="xs" c="dimmed">
                  {t(`debt.estimator.${k}`)}
                </Text>
                <Text fw={700} size="lg" className="tabular" data-figure={k}>
                  {fmt.money(result[k], currency)}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!result || !estimate}
            onClick={() => {
              if (!estimate || !result) return;
              onUse(estimate, { low: result.low, likely: result.likely, high: result.high });
            }}
          >
            {t('debt.estimator.use')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

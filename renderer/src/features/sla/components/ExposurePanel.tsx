import type { SlaClause } from '@core/api';
import { Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../i18n/format';
import { describeSlaError } from '../format';
import { slaQueries, type ExposureModelInput } from '../queries';
import { StatCard } from '../../../ui/StatCard';

/** Expected credits per year from a three-point guess or the recorded periods. */
export function ExposurePanel({ clause }: { clause: SlaClause }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [kind, setKind] = useState<'pert' | 'triangular' | 'historical'>('pert');
  const [low, setLow] = useState(0);
  const [likely, setLikely] = useState(10);
  const [high, setHigh] = useState(60);
  const [periods, setPeriods] = useState(12);
  const model: ExposureModelInput =
    kind === 'historical' ? { kind, periods } : { kind, low, likely, high };
  const [debounced] = useDebouncedValue(model, 300);
  const valid =
    debounced.kind === 'historical' ||
    (debounced.low <= debounced.likely && debounced.likely <= debounced.high);
  const query = useQuery({ ...slaQueries.exposure(clause.id, debounced), enabled: valid });
  const e = query.data;
  const money = (minor: number) => fmt.money(Math.round(minor), clause.currency);
  const pct = (v: number) =>
    new Intl.NumberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 1 }).format(v);
  const unit =
    clause.metric === 'availability'
      ? t('sla.exposure.downtimeMinutes')
      : t(`sla.unit.${clause.unit}`);

  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label={t('sla.exposure.model')}
        value={kind}
        onChange={(v) => setKind(v as typeof kind)}
        data={[
          { value: 'pert', label: t('sla.exposure.pert') },
          { value: 'triangular', label: t('sla.exposure.triangular') },
          { value: 'historical', label: t('sla.exposure.historical') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {kind === 'historical' ? (
        <NumberInput
          label={t('sla.exposure.periods')}
          w={200}
          min={1}
          max={120}
          allowDecimal={false}
          value={periods}
          onChange={(v) => setPeriods(Math.max(1, Number(v) || 1))}
        />
      ) : (
        <Group grow>
          <NumberInput
            label={t('sla.exposure.low', { unit })}
            min={0}
            value={low}
            onChange={(v) => setLow(Number(v) || 0)}
          />
          <NumberInput
            label={t('sla.exposure.likely', { unit })}
            min={0}
            value={likely}
            onChange={(v) => setLikely(Number(v) || 0)}
          />
          <NumberInput
            label={t('sla.exposure.high', { unit })}
            min={0}
            value={high}
            onChange={(v) => setHigh(Number(v) || 0)}
          />
        </Group>
      )}
      {!valid ? (
        <Text size="sm" c="red">
          {t('slaErrors.LOW_LIKELY_HIGH_ORDER')}
        </Text>
      ) : query.isError ? (
        <Text size="sm" c="red">
          {describeSlaError(query.error, t)}
        </Text>
      ) : e ? (
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" aria-busy={query.isFetching}>
          <StatCard compact label={t('sla.exposure.annualFee')} value={money(e.annualFeeMinor)} />
          <StatCard
            compact
            label={t('sla.exposure.expected')}
            value={money(e.expectedAnnualCreditMinor)}
            hint={t('sla.exposure.share', { share: pct(e.shareOfFee) })}
            testId="sla-exposure-expected"
          />
          <StatCard compact label={t('sla.exposure.p10')} value={money(e.p10Minor)} />
          <StatCard
            compact
            label={t('sla.exposure.p90')}
            value={money(e.p90Minor)}
            hint={t('sla.exposure.probability', { p: pct(e.probabilityOfCredit) })}
          />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}

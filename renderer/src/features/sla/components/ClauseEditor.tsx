import type { ClauseDraft, SlaClause, SlaMetric, SlaUnit } from '@core/api';
import { SLA_METRICS, METRIC_RULES } from '@core/sla/clause';
import { clauseWordings } from '@core/sla/wording';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Chip,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconRestore, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../lib/notify';
import { MoneyInput } from '../../billing/components/common';
import { describeSlaError, fieldErrors } from '../format';
import { useCreateClause, useUpdateClause } from '../mutations';
import { DowntimeTable } from './DowntimeTable';

type Draft = ClauseDraft;
type Tier = Draft['creditTiers'][number];
type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

const ZONES: string[] = (() => {
  try {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    return ['UTC'];
  }
})();

function tierThreshold(tier: Tier): string {
  return 'below' in tier ? tier.below : tier.above;
}

function makeTier(direction: Draft['direction'], threshold: string, creditPercent: number): Tier {
  return direction === 'at-least'
    ? { below: threshold, creditPercent }
    : { above: threshold, creditPercent };
}

/**
 * The clause form: structured fields on the left, what they mean (allowed downtime, the
 * generated wording in both languages) next to them, live from core/sla.
 */
export function ClauseEditor({
  engagementId,
  currency,
  clause,
  initial,
  onDone,
}: {
  engagementId: string;
  currency: string;
  /** The clause being edited; absent for a new one. */
  clause?: SlaClause;
  initial: Draft;
  onDone: (saved: SlaClause | null) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(initial);
  const [feeValid, setFeeValid] = useState(true);
  const [capValid, setCapValid] = useState(true);
  const create = useCreateClause();
  const update = useUpdateClause();
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  const errors = error ? fieldErrors(error, t) : {};
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const rule = METRIC_RULES[draft.metric];
  const generated = useMemo(() => {
    try {
      return clauseWordings(draft, { currency });
    } catch {
      return null;
    }
  }, [draft, currency]);

  const changeMetric = (metric: SlaMetric) => {
    const r = METRIC_RULES[metric];
    setDraft((d) => {
      const unit = r.units.includes(d.unit) ? d.unit : r.units[0]!;
      const direction = r.direction ?? d.direction;
      return {
        ...d,
        metric,
        unit,
        direction,
        supportPriority: metric === 'support-response' ? (d.supportPriority ?? 'P1') : null,
        creditTiers:
          direction === d.direction
            ? d.creditTiers
            : d.creditTiers.map((tier) =>
                makeTier(direction, tierThreshold(tier), tier.creditPercent),
              ),
      };
    });
  };

  const setTier = (index: number, tier: Tier) =>
    set(
      'creditTiers',
      draft.creditTiers.map((old, i) => (i === index ? tier : old)),
    );

  const hoursKind = draft.serviceHours.kind;
  const weekly = draft.serviceHours.kind === 'weekly' ? draft.serviceHours.windows[0] : undefined;
  const setHours = (kind: string) => {
    if (kind === '24x7') set('serviceHours', { kind: '24x7' });
    else if (kind === '24x5') set('serviceHours', { kind: '24x5', timeZone: draft.timeZone });
    else
      set('serviceHours', {
        kind: 'weekly',
        timeZone: draft.timeZone,
        windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' }],
      });
  };
  const setWindow = (patch: Partial<{ days: Weekday[]; from: string; to: string }>) => {
    if (draft.serviceHours.kind !== 'weekly' || !weekly) return;
    set('serviceHours', {
      ...draft.serviceHours,
      windows: [{ ...weekly, ...patch }],
    });
  };
  const setZone = (timeZone: string) =>
    setDraft((d) => ({
      ...d,
      timeZone,
      serviceHours:
        d.serviceHours.kind === '24x7' ? d.serviceHours : { ...d.serviceHours, timeZone },
    }));

  const save = () => {
    create.reset();
    update.reset();
    const onSuccess = (saved: SlaClause) => {
      notifySuccess(
        t('sla.editor.saved', { label: saved.label || t(`sla.metric.${saved.metric}`) }),
      );
      onDone(saved);
    };
    if (clause) update.mutate({ id: clause.id, changes: draft }, { onSuccess });
    else create.mutate({ ...draft, engagementId }, { onSuccess });
  };

  const metricOptions = SLA_METRICS.map((m) => ({ value: m, label: t(`sla.metric.${m}`) }));
  const unitOptions = rule.units.map((u) => ({ value: u, label: t(`sla.unit.${u}`) }));
  const isLatency = draft.metric === 'latency-percentile';

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="form"
      aria-label={t('sla.editor.label')}
      onSubmit={(event) => {
        event.preventDefault();
        if (feeValid && capValid) save();
      }}
    >
      <Stack gap="lg">
        <Group justify="space-between">
          <Title order={4}>{clause ? t('sla.editor.editTitle') : t('sla.editor.newTitle')}</Title>
          <Group gap="sm">
            <Button variant="default" onClick={() => onDone(null)} disabled={saving}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} disabled={!feeValid || !capValid}>
              {t('sla.editor.save')}
            </Button>
          </Group>
        </Group>

        {error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {describeSlaError(error, t)} {t('sla.editor.nothingSaved')}
          </Alert>
        )}

        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <Stack gap="md">
            <TextInput
              label={t('sla.fields.label')}
              value={draft.label}
              onChange={(e) => set('label', e.currentTarget.value)}
              error={errors.label}
            />
            <Group grow align="flex-start">
              <Select
                label={t('sla.fields.metric')}
                data={metricOptions}
                value={draft.metric}
                allowDeselect={false}
                onChange={(v) => v && changeMetric(v as SlaMetric)}
                error={errors.metric}
              />
              {draft.metric === 'support-response' && (
                <Select
                  label={t('sla.fields.priority')}
                  data={['P1', 'P2', 'P3', 'P4']}
                  value={draft.supportPriority}
                  allowDeselect={false}
                  onChange={(v) => set('supportPriority', v as Draft['supportPriority'])}
                  error={errors.supportPriority}
                />
              )}
            </Group>
            {draft.metric === 'custom' && (
              <Group grow>
                <TextInput
                  label={t('sla.fields.customNameEn')}
                  value={draft.customName.en}
                  onChange={(e) =>
                    set('customName', { ...draft.customName, en: e.currentTarget.value })
                  }
                  error={errors.customName}
                />
                <TextInput
                  label={t('sla.fields.customNameZh')}
                  value={draft.customName['zh-CN']}
                  onChange={(e) =>
                    set('customName', { ...draft.customName, 'zh-CN': e.currentTarget.value })
                  }
                />
              </Group>
            )}
            <Group grow>
              <TextInput
                label={t('sla.fields.subjectEn')}
                placeholder={t('sla.fields.subjectPlaceholder')}
                value={draft.subject.en}
                onChange={(e) => set('subject', { ...draft.subject, en: e.currentTarget.value })}
              />
              <TextInput
                label={t('sla.fields.subjectZh')}
                value={draft.subject['zh-CN']}
                onChange={(e) =>
                  set('subject', { ...draft.subject, 'zh-CN': e.currentTarget.value })
                }
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                label={t('sla.fields.target')}
                inputMode="decimal"
                classNames={{ input: 'tabular' }}
                value={draft.target}
                onChange={(e) => set('target', e.currentTarget.value)}
                error={errors.target}
              />
              <Select
                label={t('sla.fields.unit')}
                data={unitOptions}
                value={draft.unit}
                allowDeselect={false}
                onChange={(v) => v && set('unit', v as SlaUnit)}
                error={errors.unit}
              />
              <Select
                label={t('sla.fields.direction')}
                data={[
                  { value: 'at-least', label: t('sla.direction.at-least') },
                  { value: 'at-most', label: t('sla.direction.at-most') },
                ]}
                value={draft.direction}
                allowDeselect={false}
                disabled={rule.direction !== null}
                onChange={(v) =>
                  v &&
                  setDraft((d) => ({
                    ...d,
                    direction: v as Draft['direction'],
                    creditTiers: d.creditTiers.map((tier) =>
                      makeTier(v as Draft['direction'], tierThreshold(tier), tier.creditPercent),
                    ),
                  }))
                }
              />
            </Group>
            {isLatency && (
              <Group grow>
                <NumberInput
                  label={t('sla.fields.percentile')}
                  min={1}
                  max={100}
                  decimalScale={3}
                  value={draft.percentile}
                  onChange={(v) => set('percentile', Number(v) || 0)}
                  error={errors.percentile}
                />
                <Select
                  label={t('sla.fields.percentileMethod')}
                  data={[
                    { value: 'nearest-rank', label: t('sla.percentileMethod.nearest-rank') },
                    { value: 'linear', label: t('sla.percentileMethod.linear') },
                  ]}
                  value={draft.percentileMethod}
                  allowDeselect={false}
                  onChange={(v) => v && set('percentileMethod', v as Draft['percentileMethod'])}
                />
              </Group>
            )}
            <Group grow align="flex-start">
              <Select
                label={t('sla.fields.window')}
                data={[
                  { value: 'calendar-month', label: t('sla.window.calendar-month') },
                  { value: 'quarter', label: t('sla.window.quarter') },
                  { value: 'rolling-days', label: t('sla.window.rolling-days') },
                ]}
                value={draft.window.kind}
                allowDeselect={false}
                onChange={(v) =>
                  set(
                    'window',
                    v === 'rolling-days'
                      ? { kind: 'rolling-days', days: 30 }
                      : { kind: v as 'calendar-month' | 'quarter' },
                  )
                }
              />
              {draft.window.kind === 'rolling-days' && (
                <NumberInput
                  label={t('sla.fields.rollingDays')}
                  min={1}
                  max={366}
                  allowDecimal={false}
                  value={draft.window.days}
                  onChange={(v) => set('window', { kind: 'rolling-days', days: Number(v) || 1 })}
                />
              )}
              <Select
                label={t('sla.fields.timeZone')}
                data={ZONES}
                searchable
                value={draft.timeZone}
                allowDeselect={false}
                onChange={(v) => v && setZone(v)}
                error={errors.timeZone}
              />
            </Group>
            <Stack gap={6}>
              <Text size="sm" fw={500} id="sla-hours-label">
                {t('sla.fields.serviceHours')}
              </Text>
              <SegmentedControl
                aria-labelledby="sla-hours-label"
                value={hoursKind}
                onChange={setHours}
                data={[
                  { value: '24x7', label: t('sla.hours.24x7') },
                  { value: '24x5', label: t('sla.hours.24x5') },
                  { value: 'weekly', label: t('sla.hours.weekly') },
                ]}
              />
              {weekly && (
                <Stack gap="xs">
                  <Chip.Group
                    multiple
                    value={weekly.days.map(String)}
                    onChange={(v) =>
                      v.length > 0 &&
                      setWindow({ days: v.map(Number).sort((a, b) => a - b) as Weekday[] })
                    }
                  >
                    <Group gap={6} role="group" aria-label={t('sla.fields.days')}>
                      {WEEKDAYS.map((d) => (
                        <Chip key={d} value={String(d)} size="xs">
                          {t(`sla.weekday.${d}`)}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                  <Group grow>
                    <TextInput
                      type="time"
                      label={t('sla.fields.from')}
                      value={weekly.from}
                      onChange={(e) => setWindow({ from: e.currentTarget.value })}
                    />
                    <TextInput
                      type="time"
                      label={t('sla.fields.to')}
                      value={weekly.to}
                      onChange={(e) => setWindow({ to: e.currentTarget.value })}
                    />
                  </Group>
                </Stack>
              )}
              {errors.serviceHours && (
                <Text size="xs" c="red">
                  {errors.serviceHours}
                </Text>
              )}
            </Stack>
            <Stack gap={6} role="group" aria-labelledby="sla-exclusions-label">
              <Text size="sm" fw={500} id="sla-exclusions-label">
                {t('sla.fields.exclusions')}
              </Text>
              <Group gap="lg">
                {(['maintenance', 'clientCaused', 'forceMajeure'] as const).map((key) => (
                  <Checkbox
                    key={key}
                    label={t(`sla.exclusion.${key}`)}
                    checked={draft.exclusions[key]}
                    onChange={(e) =>
                      set('exclusions', { ...draft.exclusions, [key]: e.currentTarget.checked })
                    }
                  />
                ))}
              </Group>
            </Stack>

            <TierTable
              direction={draft.direction}
              tiers={draft.creditTiers}
              error={errors.creditTiers}
              onChange={(tiers) => set('creditTiers', tiers)}
              onSet={setTier}
              unit={draft.unit}
            />

            <SimpleGrid cols={2} spacing="md">
              <MoneyInput
                label={t('sla.fields.monthlyFee')}
                description={t('sla.fields.monthlyFeeHint')}
                currency={currency}
                initialMinor={draft.monthlyFeeMinor}
                onValueChange={(minor) => {
                  setFeeValid(minor !== null);
                  if (minor !== null) set('monthlyFeeMinor', minor);
                }}
                error={!feeValid ? t('sla.editor.badAmount') : errors.monthlyFeeMinor}
              />
              <NumberInput
                label={t('sla.fields.claimWindow')}
                description={t('sla.fields.claimWindowHint')}
                min={0}
                max={365}
                allowDecimal={false}
                value={draft.claimWindowDays}
                onChange={(v) => set('claimWindowDays', Number(v) || 0)}
                error={errors.claimWindowDays}
              />
              <MoneyInput
                label={t('sla.fields.perIncidentCap')}
                description={t('sla.fields.optional')}
                currency={currency}
                initialMinor={draft.perIncidentCapMinor}
                onValueChange={(minor) => {
                  setCapValid(minor !== null);
                  if (minor !== null) set('perIncidentCapMinor', minor === 0 ? null : minor);
                }}
                error={!capValid ? t('sla.editor.badAmount') : errors.perIncidentCapMinor}
              />
              <TextInput
                label={t('sla.fields.perPeriodCap')}
                description={t('sla.fields.optional')}
                inputMode="decimal"
                rightSection={<Text size="xs">%</Text>}
                value={draft.perPeriodCapPercent ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value.trim();
                  set('perPeriodCapPercent', v === '' ? null : v);
                }}
                error={errors.perPeriodCapPercent}
              />
            </SimpleGrid>
          </Stack>

          <Stack gap="lg">
            {draft.metric === 'availability' ? (
              <DowntimeTable target={draft.target} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('sla.editor.noDowntimeTable')}
              </Text>
            )}
          </Stack>
        </SimpleGrid>

        <WordingEditor
          generated={generated}
          override={draft.wordingOverride}
          onChange={(o) => set('wordingOverride', o)}
        />
      </Stack>
    </Paper>
  );
}

function TierTable({
  direction,
  tiers,
  unit,
  error,
  onChange,
  onSet,
}: {
  direction: Draft['direction'];
  tiers: Tier[];
  unit: SlaUnit;
  error?: string;
  onChange: (tiers: Tier[]) => void;
  onSet: (index: number, tier: Tier) => void;
}) {
  const { t } = useTranslation();
  const thresholdLabel = direction === 'at-least' ? t('sla.tiers.below') : t('sla.tiers.above');
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text size="sm" fw={500} id="sla-tiers-label">
          {t('sla.tiers.title')}
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...tiers, makeTier(direction, '', 0)])}
        >
          {t('sla.tiers.add')}
        </Button>
      </Group>
      {tiers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sla.tiers.none')}
        </Text>
      ) : (
        <Table aria-labelledby="sla-tiers-label" withTableBorder verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{`${thresholdLabel} (${t(`sla.unit.${unit}`)})`}</Table.Th>
              <Table.Th>{t('sla.tiers.credit')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tiers.map((tier, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('sla.tiers.thresholdOf', { n: i + 1 })}
                    inputMode="decimal"
                    classNames={{ input: 'tabular' }}
                    value={'below' in tier ? tier.below : tier.above}
                    onChange={(e) =>
                      onSet(i, makeTier(direction, e.currentTarget.value, tier.creditPercent))
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    aria-label={t('sla.tiers.creditOf', { n: i + 1 })}
                    min={0}
                    max={100}
                    decimalScale={2}
                    suffix=" %"
                    value={tier.creditPercent}
                    onChange={(v) =>
                      onSet(i, makeTier(direction, tierThreshold(tier), Number(v) || 0))
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('sla.tiers.removeOf', { n: i + 1 })}
                    onClick={() => onChange(tiers.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

const LOCALES = ['en', 'zh-CN'] as const;

function WordingEditor({
  generated,
  override,
  onChange,
}: {
  generated: { en: string; 'zh-CN': string } | null;
  override: Draft['wordingOverride'];
  onChange: (o: Draft['wordingOverride']) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="sla-wording-title">
      <Title order={5} id="sla-wording-title">
        {t('sla.wording.title')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('sla.wording.hint')}
      </Text>
      <SimpleGrid cols={2} spacing="md">
        {LOCALES.map((locale) => {
          const own = override[locale];
          return (
            <Stack key={locale} gap={4}>
              <Textarea
                label={t(`sla.wording.${locale === 'en' ? 'english' : 'chinese'}`)}
                description={
                  own === null ? t('sla.wording.generated') : t('sla.wording.overridden')
                }
                lang={locale}
                autosize
                minRows={8}
                maxRows={18}
                value={own ?? generated?.[locale] ?? ''}
                placeholder={generated ? undefined : t('sla.wording.incomplete')}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  onChange({
                    ...override,
                    [locale]:
                      value.trim() === '' || value === (generated?.[locale] ?? '') ? null : value,
                  });
                }}
              />
              {own !== null && (
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconRestore size={14} aria-hidden />}
                  onClick={() => onChange({ ...override, [locale]: null })}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t(`sla.wording.reset.${locale === 'en' ? 'english' : 'chinese'}`)}
                </Button>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

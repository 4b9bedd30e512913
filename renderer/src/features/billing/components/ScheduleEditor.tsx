import type { MilestoneInput, MilestoneSchedule, MilestoneTemplate } from '@core/api';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconLock, IconTemplate, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../i18n/apiErrors';
import { useFormatters } from '../../../i18n/format';
import { notifySuccess } from '../../../lib/notify';
import { useSetSchedule } from '../mutations';
import { billingQueries } from '../queries';
import { HUNDRED, microsToText, percentAmounts, percentMicros } from '../schedule';
import { MoneyInput } from './common';
import { useLeaveGuard } from '../../../lib/useLeaveGuard';
import { FormActions } from '../../../ui/FormActions';
import { AddRowButton, PercentInput } from '../../../ui/fields';

type Basis = 'percent' | 'amount';

interface Row {
  key: string;
  id?: string;
  locked: boolean;
  name: string;
  percent: string;
  amountMinor: number | null;
  deliverable: string;
  acceptanceCriteria: string;
  plannedDate: string;
}

let rowSeq = 0;
const newKey = () => `row-${++rowSeq}`;

function rowsOf(schedule: MilestoneSchedule): Row[] {
  return schedule.milestones.map((m) => ({
    key: newKey(),
    id: m.id,
    locked: m.status === 'invoiced' || m.status === 'paid',
    name: m.name,
    percent: m.percent ?? '',
    amountMinor: m.amountMinor,
    deliverable: m.deliverable,
    acceptanceCriteria: m.acceptanceCriteria,
    plannedDate: m.plannedDate ?? '',
  }));
}

/**
 * The milestone schedule editor: a template or rows by hand, shares as percents or fixed
 * amounts, live amounts from core/billing `allocate` and a running total that must reach
 * 100 % (or the contract value) before the schedule can be saved.
 */
export function ScheduleEditor({
  schedule,
  onDone,
}: {
  schedule: MilestoneSchedule;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const templates = useQuery(billingQueries.templates());
  const save = useSetSchedule();
  const [basis, setBasis] = useState<Basis>(schedule.basis ?? 'percent');
  const [rows, setRows] = useState<Row[]>(() => rowsOf(schedule));
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [initialRows] = useState(rows);
  const dirty =
    basis !== (schedule.basis ?? 'percent') || JSON.stringify(rows) !== JSON.stringify(initialRows);
  const guard = useLeaveGuard(useCallback(() => dirty, [dirty]));
  const { currency, contractValueMinor } = schedule;
  const money = (minor: number) => fmt.money(minor, currency);

  const update = (key: string, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const applyTemplate = (template: MilestoneTemplate) => {
    const locked = rows.filter((r) => r.locked);
    setBasis('percent');
    setRows([
      ...locked,
      ...template.milestones.map((m) => ({
        key: newKey(),
        locked: false,
        name: m.name[lang],
        percent: m.percent,
        amountMinor: null,
        deliverable: m.deliverable[lang],
        acceptanceCriteria: m.acceptanceCriteria[lang],
        plannedDate: '',
      })),
    ]);
    setGeneration((g) => g + 1);
  };

  // Live figures.
  const amounts =
    basis === 'percent'
      ? percentAmounts(
          contractValueMinor,
          rows.map((r) => r.percent),
        )
      : rows.map((r) => r.amountMinor);
  const percentTotal = rows.reduce<bigint>((s, r) => s + (percentMicros(r.percent) ?? 0n), 0n);
  const amountTotal = amounts.reduce<number>((s, a) => s + (a ?? 0), 0);

  const rowErrors = rows.map((r, i) => ({
    name: r.name.trim() ? null : t('milestones.errors.name'),
    share:
      basis === 'percent'
        ? percentMicros(r.percent) === null || percentMicros(r.percent)! <= 0n
          ? t('milestones.errors.percent')
          : null
        : amounts[i] === null || amounts[i]! <= 0
          ? t('milestones.errors.amount')
          : null,
  }));
  let totalError: string | null = null;
  if (rows.length === 0) totalError = t('milestones.errors.empty');
  else if (basis === 'percent' && percentTotal !== HUNDRED)
    totalError = t('milestones.errors.notHundred', {
      total: fmt.number(Number(microsToText(percentTotal))),
    });
  else if (basis === 'amount' && amountTotal !== contractValueMinor)
    totalError = t('milestones.errors.notContractValue', {
      total: money(amountTotal),
      value: money(contractValueMinor),
    });
  const invalid = !!totalError || rowErrors.some((e) => e.name || e.share);
  const progress =
    basis === 'percent'
      ? Number(percentTotal) / 1_000_000
      : contractValueMinor > 0
        ? (amountTotal / contractValueMinor) * 100
        : 0;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setSubmitted(true);
    if (invalid || save.isPending) return;
    const milestones: MilestoneInput[] = rows.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      name: r.name.trim(),
      share:
        basis === 'percent' ? { percent: r.percent.trim() } : { amountMinor: r.amountMinor ?? 0 },
      deliverable: r.deliverable,
      acceptanceCriteria: r.acceptanceCriteria,
      plannedDate: r.plannedDate || null,
    }));
    save.mutate(
      { engagementId: schedule.engagementId, milestones },
      {
        onSuccess: () => {
          notifySuccess(t('milestones.saved'));
          onDone();
        },
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}
      noValidate
      aria-label={t('milestones.editorLabel')}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Group gap="sm" align="flex-end">
            <Select
              label={t('milestones.template')}
              placeholder={t('milestones.templatePlaceholder')}
              w={420}
              value={templateId}
              onChange={setTemplateId}
              data={(templates.data ?? []).map((tp) => ({ value: tp.id, label: tp.name[lang] }))}
              comboboxProps={{ withinPortal: true }}
            />
            <Button
              variant="light"
              leftSection={<IconTemplate size={16} aria-hidden />}
              disabled={!templateId}
              onClick={() => {
                const tp = templates.data?.find((x) => x.id === templateId);
                if (tp) applyTemplate(tp);
              }}
            >
              {t('milestones.applyTemplate')}
            </Button>
          </Group>
          <SegmentedControl<Basis>
            aria-label={t('milestones.basis')}
            value={basis}
            onChange={(b) => {
              setBasis(b);
              if (b === 'amount') {
                setRows((rs) => rs.map((r, i) => ({ ...r, amountMinor: amounts[i] ?? null })));
                setGeneration((g) => g + 1);
              }
            }}
            data={[
              { value: 'percent', label: t('milestones.byPercent') },
              { value: 'amount', label: t('milestones.byAmount') },
            ]}
          />
        </Group>

        {rows.map((row, i) => (
          <Paper
            key={row.key}
            withBorder
            radius="md"
            p="md"
            component="fieldset"
            aria-label={t('milestones.rowLabel', { n: i + 1 })}
            style={{ margin: 0 }}
          >
            <Stack gap="sm">
              <Group gap="sm" align="flex-start" wrap="nowrap">
                <Text fw={700} c="dimmed" pt={30} w={20} className="tabular">
                  {i + 1}
                </Text>
                <TextInput
                  flex={2}
                  label={t('milestones.fields.name')}
                  value={row.name}
                  error={submitted ? rowErrors[i]!.name : null}
                  onChange={(e) => update(row.key, { name: e.currentTarget.value })}
                />
                {basis === 'percent' ? (
                  <PercentInput
                    w={110}
                    label={t('milestones.fields.percent')}
                    inputMode="decimal"
                    classNames={{ input: 'tabular' }}
                    value={row.percent}
                    disabled={row.locked}
                    error={submitted ? rowErrors[i]!.share : null}
                    onValueChange={(percent) => update(row.key, { percent })}
                  />
                ) : (
                  <MoneyInput
                    key={`${row.key}-${generation}`}
                    w={170}
                    label={t('milestones.fields.amount')}
                    currency={currency}
                    initialMinor={row.amountMinor}
                    disabled={row.locked}
                    error={submitted ? rowErrors[i]!.share : null}
                    onValueChange={(minor) => update(row.key, { amountMinor: minor })}
                  />
                )}
                <Stack gap={4} w={150} pt={4}>
                  <Text size="sm" fw={500}>
                    {t('milestones.fields.computed')}
                  </Text>
                  <Text
                    size="lg"
                    fw={650}
                    className="tabular"
                    data-testid="milestone-amount"
                    aria-label={t('milestones.amountOf', { n: i + 1 })}
                  >
                    {amounts[i] === null || amounts[i] === undefined ? '—' : money(amounts[i]!)}
                  </Text>
                </Stack>
                <TextInput
                  type="date"
                  w={160}
                  label={t('milestones.fields.plannedDate')}
                  value={row.plannedDate}
                  onChange={(e) => update(row.key, { plannedDate: e.currentTarget.value })}
                />
                <Tooltip label={row.locked ? t('milestones.locked') : t('milestones.remove')}>
                  <ActionIcon
                    mt={26}
                    size={36}
                    variant="subtle"
                    color={row.locked ? 'gray' : 'red'}
                    aria-label={t('milestones.removeRow', { n: i + 1 })}
                    disabled={row.locked}
                    onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
                  >
                    {row.locked ? (
                      <IconLock size={16} aria-hidden />
                    ) : (
                      <IconTrash size={16} aria-hidden />
                    )}
                  </ActionIcon>
                </Tooltip>
              </Group>
              <SimpleGrid cols={2} spacing="sm" pl={32}>
                <TextInput
                  label={t('milestones.fields.deliverable')}
                  value={row.deliverable}
                  onChange={(e) => update(row.key, { deliverable: e.currentTarget.value })}
                />
                <TextInput
                  label={t('milestones.fields.acceptanceCriteria')}
                  value={row.acceptanceCriteria}
                  onChange={(e) => update(row.key, { acceptanceCriteria: e.currentTarget.value })}
                />
              </SimpleGrid>
            </Stack>
          </Paper>
        ))}

        <AddRowButton
          onClick={() =>
            setRows((rs) => [
              ...rs,
              {
                key: newKey(),
                locked: false,
                name: '',
                percent: '',
                amountMinor: null,
                deliverable: '',
                acceptanceCriteria: '',
                plannedDate: '',
              },
            ])
          }
        >
          {t('milestones.addRow')}
        </AddRowButton>

        <Paper
          withBorder
          radius="md"
          p="md"
          role="status"
          aria-label={t('milestones.runningTotal')}
        >
          <Group justify="space-between" mb={8}>
            <Text fw={600}>{t('milestones.runningTotal')}</Text>
            <Group gap="lg">
              <Text className="tabular" fw={650} data-testid="schedule-percent-total">
                {basis === 'percent'
                  ? t('milestones.percentOf100', {
                      total: fmt.number(Number(microsToText(percentTotal))),
                    })
                  : null}
              </Text>
              <Text className="tabular" fw={650} data-testid="schedule-amount-total">
                {t('milestones.amountOfValue', {
                  total: money(amountTotal),
                  value: money(contractValueMinor),
                })}
              </Text>
            </Group>
          </Group>
          <Progress
            value={Math.min(progress, 100)}
            color={totalError ? (progress > 100 ? 'red' : 'yellow') : 'teal'}
            aria-label={t('milestones.runningTotal')}
          />
        </Paper>

        {(submitted || rows.length > 0) && totalError && (
          <Alert
            color={submitted ? 'red' : 'yellow'}
            variant="light"
            role={submitted ? 'alert' : undefined}
          >
            {totalError}
          </Alert>
        )}
        {save.isError && (
          <Alert color="red" variant="light" role="alert">
            {describeError(save.error, t, currency)}
          </Alert>
        )}

        <FormActions
          submitLabel={t('milestones.saveSchedule')}
          saving={save.isPending}
          onCancel={() => guard.confirmLeave(onDone)}
        />
      </Stack>
      {guard.dialog}
    </form>
  );
}

import { redundantAvailability, serialAvailability } from '@core/sla/composition';
import { budgetRemaining, burnRate, timeToExhaustionMinutes } from '@core/sla/error-budget';
import {
  ActionIcon,
  Badge,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeSlaError, formatDuration } from '../format';
import { DowntimeTable } from './DowntimeTable';

function Card({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" h="100%" component="section" aria-label={title}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={4} size="h5">
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

function Result({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} className="tabular" data-testid={testId} ta="right">
        {value}
      </Text>
    </Group>
  );
}

/** Pure calculators from core/sla: nothing is saved, nothing goes to the services. */
export function Calculators() {
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <DowntimeCalculator />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <CompositionCalculator />
      </Grid.Col>
      <Grid.Col span={{ base: 12 }}>
        <ErrorBudgetCalculator />
      </Grid.Col>
    </Grid>
  );
}

function DowntimeCalculator() {
  const { t } = useTranslation();
  const [target, setTarget] = useState('99.95');
  return (
    <Card title={t('sla.calc.downtime.title')} description={t('sla.calc.downtime.description')}>
      <TextInput
        label={t('sla.calc.target')}
        inputMode="decimal"
        rightSection={<Text size="xs">%</Text>}
        value={target}
        onChange={(e) => setTarget(e.currentTarget.value)}
      />
      <DowntimeTable target={target} title={t('sla.calc.downtime.tableTitle')} hideTitle />
    </Card>
  );
}

interface Component {
  key: number;
  name: string;
  availability: string;
  replicas: number;
}

function CompositionCalculator() {
  const { t, i18n } = useTranslation();
  const [parts, setParts] = useState<Component[]>([
    { key: 1, name: t('sla.calc.compose.sampleApi'), availability: '99.95', replicas: 2 },
    { key: 2, name: t('sla.calc.compose.sampleDb'), availability: '99.99', replicas: 1 },
  ]);
  const [nextKey, setNextKey] = useState(3);
  const result = useMemo(() => {
    try {
      const effective = parts.map((p) =>
        p.replicas > 1
          ? redundantAvailability(Array.from({ length: p.replicas }, () => p.availability.trim()))
          : p.availability.trim(),
      );
      return { effective, total: serialAvailability(effective) };
    } catch (error) {
      return { error };
    }
  }, [parts]);
  const pct = (v: string) =>
    t('sla.unitValue.percent', {
      value: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 6 }).format(Number(v)),
    });
  const update = (key: number, patch: Partial<Component>) =>
    setParts((all) => all.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  return (
    <Card title={t('sla.calc.compose.title')} description={t('sla.calc.compose.description')}>
      <Table aria-label={t('sla.calc.compose.table')} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sla.calc.compose.name')}</Table.Th>
            <Table.Th>{t('sla.calc.compose.availability')}</Table.Th>
            <Table.Th>{t('sla.calc.compose.replicas')}</Table.Th>
            <Table.Th w={32} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parts.map((p, i) => (
            <Table.Tr key={p.key}>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={t('sla.calc.compose.nameOf', { n: i + 1 })}
                  value={p.name}
                  onChange={(e) => update(p.key, { name: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  w={90}
                  inputMode="decimal"
                  aria-label={t('sla.calc.compose.availabilityOf', { n: i + 1 })}
                  value={p.availability}
                  onChange={(e) => update(p.key, { availability: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  w={64}
                  min={1}
                  max={9}
                  allowDecimal={false}
                  aria-label={t('sla.calc.compose.replicasOf', { n: i + 1 })}
                  value={p.replicas}
                  onChange={(v) => update(p.key, { replicas: Math.max(1, Number(v) || 1) })}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  disabled={parts.length === 1}
                  aria-label={t('sla.calc.compose.removeOf', { n: i + 1 })}
                  onClick={() => setParts((all) => all.filter((x) => x.key !== p.key))}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} aria-hidden />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => {
          setParts((all) => [
            ...all,
            {
              key: nextKey,
              name: t('sla.calc.compose.newName', { n: all.length + 1 }),
              availability: '99.9',
              replicas: 1,
            },
          ]);
          setNextKey((k) => k + 1);
        }}
      >
        {t('sla.calc.compose.add')}
      </Button>
      {'error' in result ? (
        <Text size="sm" c="red" role="status">
          {describeSlaError(result.error, t)}
        </Text>
      ) : (
        <Stack gap={4}>
          {parts.map(
            (p, i) =>
              p.replicas > 1 && (
                <Result
                  key={p.key}
                  label={t('sla.calc.compose.redundant', { name: p.name, n: p.replicas })}
                  value={pct(result.effective![i]!)}
                />
              ),
          )}
          <Result
            label={t('sla.calc.compose.total')}
            value={pct(result.total!)}
            testId="sla-composed"
          />
          <Text size="xs" c="dimmed">
            {t('sla.calc.compose.note')}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

function ErrorBudgetCalculator() {
  const { t, i18n } = useTranslation();
  const [target, setTarget] = useState('99.9');
  const [days, setDays] = useState(30);
  const [bad, setBad] = useState(10);
  const [badPercent, setBadPercent] = useState('0.5');
  const result = useMemo(() => {
    try {
      const windowMinutes = days * 1_440;
      const status = budgetRemaining(target.trim(), windowMinutes, bad);
      const rate = burnRate(target.trim(), Number(badPercent) / 100);
      const left = Math.max(status.remainingFraction ?? 0, 0);
      const exhaustion = timeToExhaustionMinutes(rate, windowMinutes, left);
      return { status, rate, exhaustion };
    } catch (error) {
      return { error };
    }
  }, [target, days, bad, badPercent]);
  const num = (v: number, digits = 2) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(v);
  return (
    <Card title={t('sla.calc.budget.title')} description={t('sla.calc.budget.description')}>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <TextInput
          label={t('sla.calc.target')}
          inputMode="decimal"
          rightSection={<Text size="xs">%</Text>}
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
        />
        <NumberInput
          label={t('sla.calc.budget.window')}
          min={1}
          max={366}
          allowDecimal={false}
          value={days}
          onChange={(v) => setDays(Math.max(1, Number(v) || 1))}
        />
        <NumberInput
          label={t('sla.calc.budget.bad')}
          min={0}
          decimalScale={2}
          value={bad}
          onChange={(v) => setBad(Number(v) || 0)}
        />
        <TextInput
          label={t('sla.calc.budget.badRate')}
          inputMode="decimal"
          rightSection={<Text size="xs">%</Text>}
          value={badPercent}
          onChange={(e) => setBadPercent(e.currentTarget.value)}
        />
      </SimpleGrid>
      {'error' in result ? (
        <Text size="sm" c="red" role="status">
          {describeSlaError(result.error, t)}
        </Text>
      ) : (
        <Stack gap={4} maw={560}>
          <Result
            label={t('sla.calc.budget.allowed')}
            value={formatDuration(result.status!.allowedMinutes, t)}
            testId="sla-budget-allowed"
          />
          <Result
            label={t('sla.calc.budget.remaining')}
            value={
              <Group gap={6} justify="flex-end" wrap="nowrap">
                {result.status!.breached && (
                  <Badge color="red" size="xs" variant="light">
                    {t('sla.calc.budget.breached')}
                  </Badge>
                )}
                {result.status!.remainingMinutes < 0
                  ? `−${formatDuration(-result.status!.remainingMinutes, t)}`
                  : formatDuration(result.status!.remainingMinutes, t)}
              </Group>
            }
          />
          <Result
            label={t('sla.calc.budget.burnRate')}
            value={`${num(result.rate!)}×`}
            testId="sla-burn-rate"
          />
          <Result
            label={t('sla.calc.budget.exhaustion')}
            value={
              result.exhaustion === null || result.exhaustion === undefined
                ? t('sla.calc.budget.never')
                : formatDuration(result.exhaustion, t)
            }
          />
          <Text size="xs" c="dimmed">
            {t('sla.calc.budget.note')}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

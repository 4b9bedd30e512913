import type { DebtSelection } from '@core/api/debt';
import {
  Anchor,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DocumentButton } from '../../documents/DocumentButton';
import { call } from '../../../api/client';
import { describeError } from '../../../i18n/apiErrors';
import { minorDigits } from '../../../lib/money';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { clientQueries } from '../../clients/queries';
import { ChartCard, PriorityMatrixChart } from '../components/DebtCharts';
import { useDebtFormat } from '../format';
import { useSaveSelection } from '../mutations';
import { debtQueries } from '../queries';
import classes from './WorkbenchPage.module.css';
import { BusinessCaseButton } from '../components/BusinessCaseButton';
import { BackLink } from '../../../components/BackLink';

type Budget = { kind: 'days'; days: number } | { kind: 'money'; amountMinor: number };

/** `#/clients/:clientId/debt/portfolio`: the priority matrix and budget selection. */
export function PortfolioPage() {
  const { t } = useTranslation();
  const { clientId = '' } = useParams();
  const fmt = useDebtFormat();
  const client = useQuery(clientQueries.detail(clientId));
  const matrix = useQuery(debtQueries.matrix(clientId));
  const saved = useQuery(debtQueries.selection(clientId));
  const [kind, setKind] = useState<'days' | 'money'>('days');
  const [amount, setAmount] = useState<number | string>(20);
  const currency = client.data?.defaultCurrency ?? 'USD';
  const choose = useMutation({
    mutationFn: (budget: Budget) => call('debt.selectWithinBudget', { clientId, budget }),
    onError: (error) => notifyError(describeError(error, t)),
  });
  const save = useSaveSelection();
  const selection: DebtSelection | undefined = choose.data;
  const titles = useMemo(
    () => new Map((matrix.data ?? []).map((p) => [p.id, p.title])),
    [matrix.data],
  );
  const chosen = new Set(selection?.itemIds ?? []);

  const budget = (): Budget | null => {
    const n = Number(amount);
    if (amount === '' || !Number.isFinite(n) || n < 0) return null;
    return kind === 'days'
      ? { kind: 'days', days: n }
      : { kind: 'money', amountMinor: Math.round(n * 10 ** minorDigits(currency)) };
  };

  const summary = (s: DebtSelection) =>
    t('debt.portfolioPage.totals', {
      count: s.itemIds.length,
      days: fmt.days(s.fixDays),
      fixCost: fmt.money(s.fixCostMinor, currency),
      netBenefit: fmt.money(s.netBenefitMinor, currency),
    });

  return (
    <div className={classes.page}>
      <Stack gap={2}>
        <BackLink to={`/clients/${clientId}/debt`}>{t('debt.backToRegister')}</BackLink>
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h3">
            {client.data?.displayName ?? '…'}
          </Title>
          <Group gap="xs" wrap="nowrap">
            <BusinessCaseButton clientId={clientId} />
            <DocumentButton
              request={{ kind: 'report', clientId }}
              title={t('documents.titles.report', { name: client.data?.displayName ?? '' })}
              disabled={!matrix.data || matrix.data.length === 0}
            >
              {t('documents.actions.roiReport')}
            </DocumentButton>
          </Group>
        </Group>
      </Stack>

      <div className={classes.columns} style={{ gridTemplateColumns: 'minmax(520px, 3fr) 2fr' }}>
        <ChartCard title={t('debt.charts.matrix')} description={t('debt.charts.matrixDescription')}>
          {matrix.data && matrix.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('debt.portfolioPage.empty')}
            </Text>
          ) : (
            <PriorityMatrixChart
              points={matrix.data ?? []}
              currency={currency}
              title={t('debt.charts.matrix')}
              height={420}
              chosen={chosen}
            />
          )}
        </ChartCard>

        <Stack gap="md">
          <Paper
            withBorder
            radius="md"
            p="md"
            component="section"
            aria-label={t('debt.portfolioPage.budgetTitle')}
          >
            <Title order={3} size="h6">
              {t('debt.portfolioPage.budgetTitle')}
            </Title>
            <Text size="xs" c="dimmed" mb="sm">
              {t('debt.portfolioPage.budgetDescription')}
            </Text>
            <Stack gap="sm">
              <SegmentedControl
                aria-label={t('debt.portfolioPage.budgetKind')}
                value={kind}
                onChange={(v) => setKind(v as 'days' | 'money')}
                data={[
                  { value: 'days', label: t('debt.portfolioPage.days') },
                  { value: 'money', label: t('debt.portfolioPage.money') },
                ]}
              />
              <NumberInput
                label={
                  kind === 'days'
                    ? t('debt.portfolioPage.budgetDays')
                    : t('debt.portfolioPage.budgetMoney', { currency })
                }
                min={0}
                thousandSeparator=","
                value={amount}
                onChange={setAmount}
              />
              <Button
                loading={choose.isPending}
                onClick={() => {
                  const b = budget();
                  if (b) choose.mutate(b);
                }}
              >
                {t('debt.portfolioPage.choose')}
              </Button>
            </Stack>
            {selection && (
              <Stack gap="xs" mt="md" aria-label={t('debt.portfolioPage.selected')} role="region">
                <Text size="sm" fw={600}>
                  {t('debt.portfolioPage.selected')}
                </Text>
                {selection.itemIds.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('debt.portfolioPage.noneFit')}
                  </Text>
                ) : (
                  <List size="sm" spacing={2} type="ordered">
                    {selection.itemIds.map((id) => (
                      <List.Item key={id}>
                        <Anchor component={Link} to={`/debt/${id}`} size="sm">
                          {titles.get(id) ?? id}
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                )}
                <Text size="sm" className="tabular" data-testid="selection-totals">
                  {summary(selection)}
                </Text>
                <Button
                  variant="light"
                  leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                  loading={save.isPending}
                  disabled={selection.itemIds.length === 0}
                  onClick={() =>
                    save.mutate(
                      { clientId, itemIds: selection.itemIds, budget: selection.budget },
                      {
                        onSuccess: () => notifySuccess(t('debt.portfolioPage.saved')),
                        onError: (error) => notifyError(describeError(error, t)),
                      },
                    )
                  }
                >
                  {t('debt.portfolioPage.save')}
                </Button>
              </Stack>
            )}
          </Paper>

          <Paper
            withBorder
            radius="md"
            p="md"
            component="section"
            aria-label={t('debt.portfolioPage.savedTitle')}
          >
            <Title order={3} size="h6" mb="xs">
              {t('debt.portfolioPage.savedTitle')}
            </Title>
            {saved.data ? (
              <Stack gap={4}>
                <List size="sm" spacing={2} type="ordered">
                  {saved.data.itemIds.map((id) => (
                    <List.Item key={id} fw={chosen.has(id) ? 600 : undefined}>
                      {titles.get(id) ?? id}
                    </List.Item>
                  ))}
                </List>
                <Text size="sm" className="tabular">
                  {summary(saved.data)}
                </Text>
                {saved.data.savedAt && (
                  <Text size="xs" c="dimmed">
                    {t('debt.portfolioPage.savedAt', { when: fmt.dateTime(saved.data.savedAt) })}
                  </Text>
                )}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('debt.portfolioPage.noSaved')}
              </Text>
            )}
          </Paper>
        </Stack>
      </div>
    </div>
  );
}

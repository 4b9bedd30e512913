import type { DebtStatus } from '@core/api/debt';
import { Button, Chip, Group, Loader, Center, Stack, Text, Title } from '@mantine/core';
import {
  IconChartDots3,
  IconFileImport,
  IconFilterOff,
  IconPlus,
  IconPresentation,
  IconReceipt2,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ListEmpty, ListError } from '../../components/ListStates';
import { useDebtFormat } from '../debt/format';
import { STATUSES } from '../debt/options';
import {
  BreakdownPanels,
  CumulativePanel,
  KpiGrid,
  LargestItems,
  MatrixPanel,
  PlanPanel,
} from './BusinessCaseCharts';
import { businessCaseQueries, requestFullscreen, useStatusParam } from './businessCase';
import classes from './BusinessCasePage.module.css';
import { BackLink } from '../../components/BackLink';

/** `#/clients/:clientId/business-case`: the client's technical-debt business case. */
export function BusinessCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fmt = useDebtFormat();
  const { clientId = '' } = useParams();
  const { statuses, setStatuses, search } = useStatusParam();
  const query = useQuery(businessCaseQueries.client(clientId, statuses));
  const data = query.data;

  const present = () => {
    requestFullscreen();
    void navigate(`/clients/${clientId}/business-case/present${search ? `?${search}` : ''}`);
  };

  const header = (
    <Stack gap={2}>
      <BackLink to={`/clients/${clientId}/debt`}>{t('debt.backToRegister')}</BackLink>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <div>
          <Title order={2} size="h3">
            {data?.clientName ?? '…'}
          </Title>
          <Text size="sm" c="dimmed">
            {data
              ? t('businessCase.subtitle', {
                  currency: data.currency,
                  quarters: data.horizonQuarters,
                  rate: fmt.percent(data.annualDiscountRate),
                })
              : ' '}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            component={Link}
            to={`/clients/${clientId}/debt/portfolio`}
            leftSection={<IconChartDots3 size={16} aria-hidden />}
          >
            {t('debt.portfolio')}
          </Button>
          <Button
            leftSection={<IconPresentation size={16} aria-hidden />}
            onClick={present}
            disabled={!data || data.kpis.items === 0}
          >
            {t('businessCase.present.start')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );

  if (query.isError) {
    return (
      <div className={classes.page}>
        {header}
        <ListError
          title={t('businessCase.loadError')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  }
  if (!data) {
    return (
      <div className={classes.page}>
        {header}
        <Center mih={320}>
          <Loader aria-label={t('common.loading')} />
        </Center>
      </div>
    );
  }

  const counts = new Map(data.byStatus.map((s) => [s.status, s.items]));
  const filters = (
    <Group gap={6} role="group" aria-label={t('businessCase.filters.statuses')}>
      <Text size="sm" fw={500} mr={4}>
        {t('businessCase.filters.statuses')}
      </Text>
      <Chip.Group
        multiple
        value={data.statuses}
        onChange={(next) => {
          // At least one status: an empty filter would mean "the default set" in the URL.
          if (next.length > 0) setStatuses(STATUSES.filter((s) => next.includes(s)));
        }}
      >
        {STATUSES.map((status: DebtStatus) => (
          <Chip key={status} value={status} size="xs" variant="outline">
            {t('businessCase.filters.chip', {
              status: t(`debt.status.${status}`),
              count: counts.get(status) ?? 0,
            })}
          </Chip>
        ))}
      </Chip.Group>
      {statuses.length > 0 && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconFilterOff size={14} aria-hidden />}
          onClick={() => setStatuses([])}
        >
          {t('businessCase.filters.reset')}
        </Button>
      )}
    </Group>
  );

  // No item in any status (the counts are per status, not only the chosen ones).
  if (data.byStatus.every((s) => s.items === 0) && data.otherCurrencyItems === 0) {
    return (
      <div className={classes.page}>
        {header}
        <div className={classes.emptyArea}>
          <ListEmpty
            first
            icon={<IconReceipt2 size={30} />}
            title={t('businessCase.empty.title')}
            description={t('businessCase.empty.description')}
            maw={560}
            actions={
              <>
                <Button
                  component={Link}
                  to={`/debt/new?client=${clientId}`}
                  size="md"
                  leftSection={<IconPlus size={18} aria-hidden />}
                >
                  {t('businessCase.empty.add')}
                </Button>
                <Button
                  component={Link}
                  to={`/clients/${clientId}/debt`}
                  size="md"
                  variant="default"
                  leftSection={<IconFileImport size={18} aria-hidden />}
                >
                  {t('businessCase.empty.import')}
                </Button>
              </>
            }
          />
        </div>
      </div>
    );
  }

  return (
    <div className={classes.page} aria-busy={query.isPlaceholderData}>
      {header}
      {filters}
      {data.kpis.items === 0 ? (
        <ListEmpty
          icon={<IconFilterOff size={28} />}
          title={t('businessCase.empty.noneTitle')}
          description={
            data.otherCurrencyItems > 0
              ? t('businessCase.kpis.otherCurrency', { count: data.otherCurrencyItems })
              : t('businessCase.empty.noneDescription')
          }
          actions={
            statuses.length > 0 ? (
              <Button variant="default" onClick={() => setStatuses([])}>
                {t('businessCase.filters.reset')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          <KpiGrid data={data} />
          <CumulativePanel data={data} />
          <PlanPanel data={data} />
          <div className={classes.matrixRow}>
            <MatrixPanel data={data} />
            <LargestItems data={data} />
          </div>
          <BreakdownPanels data={data} />
        </>
      )}
    </div>
  );
}

import type { ClauseDraft, Engagement, SlaClause } from '@core/api';
import {
  Button,
  EmptyState,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconEdit, IconPlus, IconShieldCheck, IconTrash } from '@tabler/icons-react';
import { modals } from '@mantine/modals';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { notifyError } from '../../../lib/notify';
import { describeSlaError, formatValue, monthKey } from '../format';
import { draftOf } from '../draft';
import { useDeleteClause } from '../mutations';
import { useUndoToasts } from '../../audit/undo';
import { slaQueries } from '../queries';
import { Calculators } from './Calculators';
import { ClauseEditor } from './ClauseEditor';
import { CompliancePanel } from './CompliancePanel';
import { ExposurePanel } from './ExposurePanel';
import { NewClauseModal } from './NewClauseModal';
import { StatLabel } from '../../../ui/StatCard';
import { IncidentsPanel, MeasurementsPanel } from './RecordsPanel';
import { ComplianceTimeline } from './TimelineChart';

type Editing = { clause?: SlaClause; draft: ClauseDraft } | null;

/** The engagement's service levels: clauses, their records and compliance, calculators. */
export function SlaSection({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const clauses = useQuery(slaQueries.clauses(engagement.id));
  const [tab, setTab] = useState<string>('clauses');
  const [picking, setPicking] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  // The period report links here with `?clause=<id>&period=<YYYY-MM>`.
  const [params] = useSearchParams();
  const [selectedId, setSelectedId] = useState<string | null>(() => params.get('clause'));
  const [period, setPeriod] = useState(() => {
    const linked = params.get('period');
    return linked && /^\d{4}-(0[1-9]|1[0-2])$/.test(linked) ? linked : monthKey(new Date());
  });
  const sectionRef = useRef<HTMLElement>(null);
  const linkedClause = params.get('clause');
  useEffect(() => {
    if (linkedClause) sectionRef.current?.scrollIntoView({ block: 'start' });
  }, [linkedClause]);
  const list = clauses.data ?? [];
  const selected = list.find((c) => c.id === selectedId) ?? list[0];

  return (
    <Paper
      ref={sectionRef}
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="sla-title"
    >
      <Group justify="space-between" mb="md">
        <Title order={3} size="h4" id="sla-title">
          {t('sla.title')}
        </Title>
        {!editing && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setPicking(true)}>
            {t('sla.newClause')}
          </Button>
        )}
      </Group>
      {editing ? (
        <ClauseEditor
          key={editing.clause?.id ?? 'new'}
          engagementId={engagement.id}
          currency={engagement.currency}
          clause={editing.clause}
          initial={editing.draft}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setSelectedId(saved.id);
          }}
        />
      ) : (
        <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="clauses">{t('sla.tabs.clauses')}</Tabs.Tab>
            <Tabs.Tab value="timeline">{t('sla.tabs.timeline')}</Tabs.Tab>
            <Tabs.Tab value="calculators">{t('sla.tabs.calculators')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="clauses">
            {clauses.isError ? (
              <Text c="red" size="sm">
                {describeSlaError(clauses.error, t)}
              </Text>
            ) : !clauses.data ? (
              <Skeleton height={120} />
            ) : list.length === 0 ? (
              <EmptyState
                withIndicatorBackground
                icon={<IconShieldCheck size={28} />}
                title={t('sla.empty.title')}
                description={t('sla.empty.description')}
              >
                <EmptyState.Actions>
                  <Button onClick={() => setPicking(true)}>{t('sla.empty.action')}</Button>
                </EmptyState.Actions>
              </EmptyState>
            ) : (
              <Stack gap="lg">
                <ClauseTable
                  clauses={list}
                  selectedId={selected?.id ?? null}
                  onSelect={setSelectedId}
                />
                {selected && (
                  <ClauseDetail
                    key={selected.id}
                    clause={selected}
                    period={period}
                    onPeriod={setPeriod}
                    onEdit={() => setEditing({ clause: selected, draft: draftOf(selected) })}
                  />
                )}
              </Stack>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="timeline">
            <ComplianceTimeline engagementId={engagement.id} to={period} />
          </Tabs.Panel>
          <Tabs.Panel value="calculators">
            <Calculators />
          </Tabs.Panel>
        </Tabs>
      )}
      <NewClauseModal
        opened={picking}
        onClose={() => setPicking(false)}
        onPick={(draft) => {
          setPicking(false);
          setTab('clauses');
          setEditing({ draft });
        }}
      />
    </Paper>
  );
}

function ClauseTable({
  clauses,
  selectedId,
  onSelect,
}: {
  clauses: SlaClause[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table highlightOnHover aria-label={t('sla.list')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sla.fields.label')}</Table.Th>
          <Table.Th>{t('sla.fields.metric')}</Table.Th>
          <Table.Th>{t('sla.fields.target')}</Table.Th>
          <Table.Th ta="right">{t('sla.columns.incidents')}</Table.Th>
          <Table.Th ta="right">{t('sla.columns.measurements')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {clauses.map((c) => {
          const name = c.label || t(`sla.metric.${c.metric}`);
          const active = c.id === selectedId;
          return (
            <Table.Tr
              key={c.id}
              aria-selected={active}
              bg={active ? 'var(--mantine-primary-color-light)' : undefined}
              style={{ cursor: 'pointer' }}
              onClick={() => onSelect(c.id)}
            >
              <Table.Td>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => onSelect(c.id)}
                  aria-pressed={active}
                >
                  {name}
                </Button>
              </Table.Td>
              <Table.Td className="words">{t(`sla.metric.${c.metric}`)}</Table.Td>
              <Table.Td className="tabular">
                {t(`sla.direction.${c.direction}`)} {formatValue(c.target, c.unit, t)}
              </Table.Td>
              <Table.Td ta="right" className="tabular">
                {c.incidentCount}
              </Table.Td>
              <Table.Td ta="right" className="tabular">
                {c.measurementCount}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function ClauseDetail({
  clause,
  period,
  onPeriod,
  onEdit,
}: {
  clause: SlaClause;
  period: string;
  onPeriod: (p: string) => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteClause(clause.engagementId);
  const undo = useUndoToasts();
  const [tab, setTab] = useState<string>('wording');
  const name = clause.label || t(`sla.metric.${clause.metric}`);
  const hasRecords = clause.metric === 'availability' || clause.metric === 'mttr';
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label={t('sla.detailOf', { name })}
    >
      <Group justify="space-between" mb="sm">
        <Title order={4} size="h5">
          {name}
        </Title>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconEdit size={14} aria-hidden />}
            onClick={onEdit}
          >
            {t('sla.editClause')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconTrash size={14} aria-hidden />}
            loading={remove.isPending}
            onClick={() =>
              modals.openConfirmModal({
                title: t('sla.delete.title'),
                children: (
                  <Text size="sm">
                    {t('sla.delete.question', {
                      name,
                      incidents: clause.incidentCount,
                      measurements: clause.measurementCount,
                    })}
                  </Text>
                ),
                labels: { confirm: t('sla.delete.confirm'), cancel: t('common.cancel') },
                confirmProps: { color: 'red' },
                closeButtonProps: { 'aria-label': t('common.close') },
                onConfirm: () =>
                  remove.mutate(clause.id, {
                    onSuccess: () =>
                      undo.deleted(t('sla.delete.done', { name }), 'sla_clause', clause.id),
                    onError: (error) => notifyError(describeSlaError(error, t)),
                  }),
              })
            }
          >
            {t('sla.deleteClause')}
          </Button>
        </Group>
      </Group>
      <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="wording">{t('sla.tabs.wording')}</Tabs.Tab>
          {hasRecords && <Tabs.Tab value="incidents">{t('sla.tabs.incidents')}</Tabs.Tab>}
          <Tabs.Tab value="measurements">{t('sla.tabs.measurements')}</Tabs.Tab>
          <Tabs.Tab value="compliance">{t('sla.tabs.compliance')}</Tabs.Tab>
          <Tabs.Tab value="exposure">{t('sla.tabs.exposure')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="wording">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {(['en', 'zh-CN'] as const).map((locale) => (
              <Paper
                key={locale}
                withBorder
                radius="md"
                p="sm"
                component="figure"
                m={0}
                aria-label={t(`sla.wording.${locale === 'en' ? 'english' : 'chinese'}`)}
              >
                <StatLabel mb={4}>
                  {t(`sla.wording.${locale === 'en' ? 'english' : 'chinese'}`)}
                  {clause.wordingOverride[locale] !== null && ` · ${t('sla.wording.overridden')}`}
                </StatLabel>
                <Text
                  size="sm"
                  lang={locale}
                  style={{ whiteSpace: 'pre-wrap' }}
                  data-testid={`sla-wording-${locale}`}
                >
                  {clause.wording[locale]}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        </Tabs.Panel>
        {hasRecords && (
          <Tabs.Panel value="incidents">
            <IncidentsPanel clause={clause} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="measurements">
          <MeasurementsPanel clause={clause} />
        </Tabs.Panel>
        <Tabs.Panel value="compliance">
          <CompliancePanel clause={clause} period={period} onPeriod={onPeriod} />
        </Tabs.Panel>
        <Tabs.Panel value="exposure">
          <ExposurePanel clause={clause} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}

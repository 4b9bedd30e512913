import type { ExclusionKind, SlaClause, SlaIncident } from '@core/api';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { offsetMsAt, wallClockToInstant } from '@core/sla/timezone';
import { describeSlaError, fieldErrors, formatValue } from '../format';
import {
  useCreateIncident,
  useDeleteIncident,
  useDeleteMeasurement,
  useImportMeasurements,
  useUpdateIncident,
  useUpsertMeasurement,
} from '../mutations';
import { slaQueries } from '../queries';
import { useZonedDateTime } from '../useZonedDateTime';
import { useUndoToasts } from '../../audit/undo';

const KINDS: ExclusionKind[] = ['maintenance', 'client-caused', 'force-majeure'];

/** `datetime-local` text read on the clause's clock (its time zone) as a UTC timestamp. */
function toTimestamp(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return local;
  const [, y, m, d, hh, mm] = match.map(Number) as number[];
  const ms = wallClockToInstant(timeZone, { year: y!, month: m!, day: d! }, hh! * 60 + mm!);
  return new Date(ms).toISOString();
}

/** A UTC timestamp as `datetime-local` text on the clause's clock. */
function toLocalInput(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  return new Date(ms + offsetMsAt(timeZone, ms)).toISOString().slice(0, 16);
}

export function IncidentsPanel({ clause }: { clause: SlaClause }) {
  const { t } = useTranslation();
  const when = useZonedDateTime(clause.timeZone);
  const list = useQuery(slaQueries.incidents(clause.id));
  const create = useCreateIncident(clause);
  const update = useUpdateIncident(clause);
  const remove = useDeleteIncident(clause);
  const undo = useUndoToasts();
  // The incident being edited: the same form fills with it and saves changes instead.
  const [editing, setEditing] = useState<SlaIncident | null>(null);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [cause, setCause] = useState('');
  const [excluded, setExcluded] = useState(false);
  const [kind, setKind] = useState<ExclusionKind | null>(null);
  const saving = editing ? update : create;
  const errors = saving.error ? fieldErrors(saving.error, t) : {};

  const reset = () => {
    setEditing(null);
    setStart('');
    setEnd('');
    setCause('');
    setExcluded(false);
    setKind(null);
  };
  const edit = (incident: SlaIncident) => {
    create.reset();
    update.reset();
    setEditing(incident);
    setStart(toLocalInput(incident.start, clause.timeZone));
    setEnd(toLocalInput(incident.end, clause.timeZone));
    setCause(incident.cause);
    setExcluded(incident.excluded);
    setKind(incident.exclusionKind);
  };
  const cancel = () => {
    update.reset();
    reset();
  };

  const submit = () => {
    const fields = {
      start: toTimestamp(start, clause.timeZone),
      end: toTimestamp(end, clause.timeZone),
      cause,
      excluded,
      exclusionKind: excluded ? kind : null,
    };
    if (editing) update.mutate({ id: editing.id, changes: fields }, { onSuccess: reset });
    else create.mutate({ clauseId: clause.id, ...fields }, { onSuccess: reset });
  };

  return (
    <Stack gap="md">
      <Stack
        gap="sm"
        component="form"
        aria-label={t(editing ? 'sla.incidents.editForm' : 'sla.incidents.form')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <TextInput
            type="datetime-local"
            label={t('sla.incidents.start')}
            description={t('sla.incidents.zone', { zone: clause.timeZone })}
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            error={errors.start}
            required
          />
          <TextInput
            type="datetime-local"
            label={t('sla.incidents.end')}
            description={t('sla.incidents.zone', { zone: clause.timeZone })}
            value={end}
            onChange={(e) => setEnd(e.currentTarget.value)}
            error={errors.end}
            required
          />
          <TextInput
            label={t('sla.incidents.cause')}
            description={t('sla.fields.optional')}
            value={cause}
            onChange={(e) => setCause(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group align="flex-end" justify="space-between">
          <Group align="flex-end">
            <Checkbox
              label={t('sla.incidents.excluded')}
              checked={excluded}
              onChange={(e) => setExcluded(e.currentTarget.checked)}
            />
            {excluded && (
              <Select
                label={t('sla.incidents.kind')}
                data={KINDS.map((k) => ({ value: k, label: t(`sla.exclusionKind.${k}`) }))}
                value={kind}
                onChange={(v) => setKind(v as ExclusionKind | null)}
                error={errors.exclusionKind}
              />
            )}
          </Group>
          <Group gap="sm">
            {editing && (
              <Button variant="default" onClick={cancel}>
                {t('common.cancel')}
              </Button>
            )}
            <Button type="submit" loading={saving.isPending} disabled={!start || !end}>
              {t(editing ? 'sla.incidents.save' : 'sla.incidents.add')}
            </Button>
          </Group>
        </Group>
        {saving.error && (
          <Alert color="red" role="alert">
            {describeSlaError(saving.error, t)}
          </Alert>
        )}
      </Stack>
      <RecordTable
        query={list}
        label={t('sla.incidents.table')}
        empty={t('sla.incidents.empty')}
        head={
          <Table.Tr>
            <Table.Th>{t('sla.incidents.start')}</Table.Th>
            <Table.Th>{t('sla.incidents.end')}</Table.Th>
            <Table.Th>{t('sla.incidents.cause')}</Table.Th>
            <Table.Th>{t('sla.incidents.status')}</Table.Th>
            <Table.Th w={80} />
          </Table.Tr>
        }
      >
        {(rows) => (
          <>
            {rows.map((i) => (
              <Table.Tr
                key={i.id}
                bg={editing?.id === i.id ? 'var(--mantine-primary-color-light)' : undefined}
              >
                <Table.Td className="tabular">{when(i.start)}</Table.Td>
                <Table.Td className="tabular">{when(i.end)}</Table.Td>
                <Table.Td>{i.cause || '—'}</Table.Td>
                <Table.Td>
                  {i.excluded ? (
                    <Badge variant="light" color="gray">
                      {t(`sla.exclusionKind.${i.exclusionKind ?? 'maintenance'}`)}
                    </Badge>
                  ) : (
                    <Badge variant="light" color="orange">
                      {t('sla.incidents.counts')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('sla.incidents.editOf', { when: when(i.start) })}
                      aria-pressed={editing?.id === i.id}
                      onClick={() => edit(i)}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('sla.incidents.deleteOf', { when: when(i.start) })}
                      onClick={() =>
                        remove.mutate(i.id, {
                          onSuccess: () => {
                            if (editing?.id === i.id) reset();
                            undo.deleted(
                              t('audit.undo.incidentDeleted', { when: when(i.start) }),
                              'sla_incident',
                              i.id,
                            );
                          },
                        })
                      }
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </>
        )}
      </RecordTable>
    </Stack>
  );
}

type ImportResult = ReturnType<typeof useImportMeasurements>['data'];

export function MeasurementsPanel({ clause }: { clause: SlaClause }) {
  const { t, i18n } = useTranslation();
  const list = useQuery(slaQueries.measurements(clause.id));
  const importCsv = useImportMeasurements(clause);
  const upsert = useUpsertMeasurement(clause);
  const [date, setDate] = useState('');
  const [value, setValue] = useState<string | number>('');
  const remove = useDeleteMeasurement(clause);
  const [csv, setCsv] = useState('');
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [skip, setSkip] = useState(false);
  const [done, setDone] = useState<number | null>(null);

  const check = () => {
    setDone(null);
    importCsv.mutate(
      { clauseId: clause.id, csvText: csv, dryRun: true, skipInvalid: true },
      { onSuccess: (r) => setChecked(r) },
    );
  };
  const run = () =>
    importCsv.mutate(
      { clauseId: clause.id, csvText: csv, skipInvalid: skip },
      {
        onSuccess: (r) => {
          setDone(r.imported);
          setChecked(null);
          setCsv('');
          setSkip(false);
        },
      },
    );
  const invalid = checked?.rows.filter((r) => !r.ok) ?? [];

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Stack gap="sm">
        <Title order={5}>{t('sla.measurements.importTitle')}</Title>
        <Textarea
          label={t('sla.measurements.csv')}
          description={t('sla.measurements.csvHint')}
          autosize
          minRows={5}
          maxRows={12}
          classNames={{ input: 'tabular' }}
          value={csv}
          onChange={(e) => {
            setCsv(e.currentTarget.value);
            setChecked(null);
            setSkip(false);
          }}
        />
        {checked && (
          <Stack gap={6} role="status">
            <Text size="sm">
              {t('sla.measurements.checked', {
                valid: checked.validRows,
                invalid: checked.invalidRows,
              })}
            </Text>
            {invalid.length > 0 && (
              <Table aria-label={t('sla.measurements.invalidRows')} withTableBorder>
                <Table.Tbody>
                  {invalid.slice(0, 20).map((r) => (
                    <Table.Tr key={r.row}>
                      <Table.Td className="tabular">
                        {t('sla.measurements.row', { n: r.row })}
                      </Table.Td>
                      <Table.Td>{r.date}</Table.Td>
                      <Table.Td c="red">
                        {i18n.exists(`slaErrors.${r.error ?? ''}`)
                          ? t(`slaErrors.${r.error}` as never)
                          : t('slaErrors.generic')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {invalid.length > 0 && (
              <Checkbox
                label={t('sla.measurements.skipConsent', { count: invalid.length })}
                checked={skip}
                onChange={(e) => setSkip(e.currentTarget.checked)}
              />
            )}
          </Stack>
        )}
        {importCsv.error && (
          <Alert color="red" role="alert">
            {describeSlaError(importCsv.error, t)}
          </Alert>
        )}
        {done !== null && (
          <Text size="sm" c="teal" role="status">
            {t('sla.measurements.imported', { count: done })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={check}
            disabled={csv.trim() === ''}
            loading={importCsv.isPending && !checked}
          >
            {t('sla.measurements.check')}
          </Button>
          <Button
            onClick={run}
            disabled={!checked || checked.validRows === 0 || (invalid.length > 0 && !skip)}
            loading={importCsv.isPending && !!checked}
          >
            {t('sla.measurements.import')}
          </Button>
        </Group>
      </Stack>
      <Stack gap="sm">
        <Title order={5}>{t('sla.measurements.title')}</Title>
        <Group
          align="flex-end"
          component="form"
          aria-label={t('sla.measurements.addForm')}
          onSubmit={(e) => {
            e.preventDefault();
            upsert.mutate(
              { clauseId: clause.id, date, value: Number(value) },
              {
                onSuccess: () => {
                  setDate('');
                  setValue('');
                },
              },
            );
          }}
        >
          <TextInput
            type="date"
            label={t('sla.measurements.date')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <NumberInput
            label={t('sla.measurements.valueIn', { unit: t(`sla.unit.${clause.unit}`) })}
            min={0}
            decimalScale={6}
            value={value}
            onChange={setValue}
            w={160}
          />
          <Button
            type="submit"
            variant="light"
            loading={upsert.isPending}
            disabled={!date || value === ''}
          >
            {t('sla.measurements.add')}
          </Button>
        </Group>
        {upsert.error && (
          <Text size="sm" c="red" role="alert">
            {describeSlaError(upsert.error, t)}
          </Text>
        )}
        <RecordTable
          query={list}
          label={t('sla.measurements.table')}
          empty={t('sla.measurements.empty')}
          head={
            <Table.Tr>
              <Table.Th>{t('sla.measurements.date')}</Table.Th>
              <Table.Th ta="right">{t('sla.measurements.value')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          }
        >
          {(rows) => (
            <>
              {rows.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td className="tabular">{m.date}</Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {formatValue(m.value, clause.unit, t)}
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('sla.measurements.deleteOf', { date: m.date })}
                      onClick={() => remove.mutate(m.id)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </>
          )}
        </RecordTable>
      </Stack>
    </SimpleGrid>
  );
}

/** A clause's records: the error, nothing while loading, the empty line, or the table. */
function RecordTable<Row>({
  query,
  label,
  empty,
  head,
  children,
}: {
  query: UseQueryResult<Row[]>;
  label: string;
  empty: string;
  head: ReactNode;
  children: (rows: Row[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isError)
    return (
      <Text c="red" size="sm">
        {describeSlaError(query.error, t)}
      </Text>
    );
  if (!query.data) return null;
  if (query.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <ScrollArea.Autosize mah={360}>
      <Table aria-label={label} striped>
        <Table.Thead>{head}</Table.Thead>
        <Table.Tbody>{children(query.data)}</Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

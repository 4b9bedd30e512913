import type { ExportJob } from '@core/api';
import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconFolderOpen } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, describeReason } from '../../i18n/apiErrors';
import { useFormatters } from '../../i18n/format';
import { notifyError } from '../../lib/notify';
import { useCancelExport, useChooseExportFolder } from './mutations';
import { documentQueries, type ExportRange } from './queries';
import { lastMonthRange } from './range';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDates = (range: { from: string; to: string }) =>
  DATE.test(range.from) && DATE.test(range.to);

/** Invoices › Export period…: every invoice (and credit note) of a period as PDFs + CSV. */
export function ExportPeriodModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('documents.export.title')}
      size="md"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <ExportPeriod onClose={onClose} />}
    </Modal>
  );
}

function ExportPeriod({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [range, setRange] = useState(lastMonthRange);
  const [includeCreditNotes, setIncludeCreditNotes] = useState(true);
  const [jobId, setJobId] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(range, 250);
  const valid = isDates(range);
  const backwards = valid && range.from > range.to;
  // Counted with the credit notes always: ticking the box changes the total, not the query.
  const request: ExportRange = { ...debounced, includeCreditNotes: true };
  const count = useQuery({
    ...documentQueries.exportCount(request),
    enabled: isDates(debounced) && debounced.from <= debounced.to,
  });
  const choose = useChooseExportFolder();

  if (jobId)
    return <ExportProgress jobId={jobId} onClose={onClose} onAgain={() => setJobId(null)} />;

  const total = count.data
    ? count.data.invoices + (includeCreditNotes ? count.data.creditNotes : 0)
    : 0;
  const start = () =>
    choose.mutate(
      { from: range.from, to: range.to, includeCreditNotes },
      {
        onSuccess: (result) => {
          if (result.started) setJobId(result.job.jobId);
        },
        onError: (error) => notifyError(describeError(error, t)),
      },
    );

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('documents.export.description')}
      </Text>
      <SimpleGrid cols={2} spacing="md">
        <TextInput
          type="date"
          label={t('documents.export.from')}
          value={range.from}
          onChange={(event) => {
            const from = event.currentTarget.value;
            setRange((r) => ({ ...r, from }));
          }}
          data-autofocus
        />
        <TextInput
          type="date"
          label={t('documents.export.to')}
          value={range.to}
          error={backwards ? t('documentErrors.EXPORT_END_BEFORE_START') : null}
          onChange={(event) => {
            const to = event.currentTarget.value;
            setRange((r) => ({ ...r, to }));
          }}
        />
      </SimpleGrid>
      <Checkbox
        label={t('documents.export.includeCreditNotes')}
        checked={includeCreditNotes}
        onChange={(event) => setIncludeCreditNotes(event.currentTarget.checked)}
      />
      <div aria-live="polite" data-testid="export-count">
        {!valid || backwards ? null : count.isError ? (
          <Text size="sm" c="red">
            {describeError(count.error, t)}
          </Text>
        ) : !count.data ? (
          <Skeleton height={20} width={260} />
        ) : total === 0 ? (
          <Text size="sm" c="dimmed">
            {t('documents.export.nothing')}
          </Text>
        ) : (
          <Text size="sm">
            {t('documents.export.countInvoices', { count: count.data.invoices })}
            {includeCreditNotes && count.data.creditNotes > 0
              ? ` · ${t('documents.export.countCreditNotes', { count: count.data.creditNotes })}`
              : ''}
            {' · '}
            {t('documents.export.countFiles', { count: total + 1, n: fmt.number(total + 1) })}
          </Text>
        )}
      </div>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          leftSection={<IconFolderOpen size={16} aria-hidden />}
          onClick={start}
          loading={choose.isPending}
          disabled={!valid || backwards || !count.data || total === 0}
        >
          {t('documents.export.choose')}
        </Button>
      </Group>
    </Stack>
  );
}

function ExportProgress({
  jobId,
  onClose,
  onAgain,
}: {
  jobId: string;
  onClose: () => void;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const job = useQuery(documentQueries.exportJob(jobId));
  const cancel = useCancelExport();
  const data = job.data;
  // A failed status call ends the polling (documentQueries.exportJob): say so, over the last
  // known state if there is one, rather than show a progress that no longer moves.
  const failed = job.isError && (
    <Alert color="red" variant="light" role="alert">
      {describeError(job.error, t)}
    </Alert>
  );
  if (!data) return failed || <Skeleton height={60} />;
  return (
    <Stack gap="md">
      {failed}
      <JobState job={data} />
      <Group justify="flex-end" gap="sm">
        {data.state === 'running' ? (
          <Button
            variant="default"
            color="red"
            loading={cancel.isPending}
            onClick={() =>
              cancel.mutate(jobId, { onError: (error) => notifyError(describeError(error, t)) })
            }
          >
            {t('documents.export.cancel')}
          </Button>
        ) : (
          <>
            <Button variant="default" onClick={onAgain}>
              {t('documents.export.again')}
            </Button>
            <Button onClick={onClose} data-autofocus>
              {t('common.close')}
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}

function JobState({ job }: { job: ExportJob }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  const progress = (
    <Stack gap={6}>
      <Progress
        value={job.state === 'done' ? 100 : percent}
        size="lg"
        animated={job.state === 'running'}
        color={job.state === 'failed' ? 'red' : job.state === 'cancelled' ? 'gray' : undefined}
        aria-label={t('documents.export.progressLabel')}
      />
      <Text size="sm" c="dimmed" className="tabular" data-testid="export-progress">
        {t('documents.export.progress', {
          done: fmt.number(job.done),
          total: fmt.number(job.total),
        })}
      </Text>
    </Stack>
  );
  if (job.state === 'running')
    return (
      <Stack gap="sm" aria-busy>
        <Text size="sm">{t('documents.export.running')}</Text>
        {progress}
      </Stack>
    );
  if (job.state === 'done')
    return (
      <Stack gap="sm">
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck size={18} aria-hidden />}
          title={t('documents.export.doneTitle')}
          data-testid="export-done"
        >
          <Stack gap={6}>
            <Text size="sm">
              {t('documents.export.doneBody', { count: job.done, n: fmt.number(job.done) })}
            </Text>
            <Code block data-testid="export-folder">
              {job.folder}
            </Code>
            {job.summaryFile && (
              <Text size="xs" c="dimmed">
                {t('documents.export.summary', { file: job.summaryFile })}
              </Text>
            )}
          </Stack>
        </Alert>
      </Stack>
    );
  if (job.state === 'cancelled')
    return (
      <Stack gap="sm">
        <Alert color="gray" variant="light" title={t('documents.export.cancelledTitle')}>
          {t('documents.export.cancelledBody', { done: job.done, total: job.total })}
        </Alert>
        {progress}
      </Stack>
    );
  return (
    <Stack gap="sm">
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title={t('documents.export.failedTitle')}
        role="alert"
      >
        {describeReason(job.error?.reason, t) ?? t('documents.export.failedGeneric')}
      </Alert>
      {progress}
    </Stack>
  );
}

import type { BackupInfo, BackupKind, DataSummary, MethodOutput } from '@core/api';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Skeleton,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/apiErrors';
import { useFormatters, type Formatters } from '../../i18n/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useCreateBackup, useRestoreBackup } from './mutations';
import { appQueries, backupQueries } from './queries';
import { Section } from './SettingsLayout';

type BackupPreview = MethodOutput<'backups.preview'>;

const KIND_COLOR: Record<BackupKind, string> = {
  daily: 'gray',
  weekly: 'indigo',
  'pre-migration': 'grape',
  manual: 'teal',
  safety: 'orange',
};

function KindBadge({ kind }: { kind: BackupKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" radius="sm" color={KIND_COLOR[kind]}>
      {t(`settings.backups.kinds.${kind}`)}
    </Badge>
  );
}

export function BackupsSection() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const backups = useQuery(backupQueries.list());
  const info = useQuery(appQueries.info());
  const create = useCreateBackup();
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  let body: ReactNode;
  if (backups.isPending) {
    body = (
      <Stack gap="xs" py="md" aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton height={28} radius="sm" />
        <Skeleton height={28} radius="sm" />
        <Skeleton height={28} radius="sm" />
      </Stack>
    );
  } else if (backups.isError) {
    body = (
      <Alert color="red" variant="light" my="md" icon={<IconAlertTriangle size={18} aria-hidden />}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{describeError(backups.error, t)}</Text>
          <Button size="compact-sm" variant="light" onClick={() => void backups.refetch()}>
            {t('common.retry')}
          </Button>
        </Group>
      </Alert>
    );
  } else if (backups.data.length === 0) {
    body = (
      <Text size="sm" c="dimmed" py="md">
        {t('settings.backups.empty')}
      </Text>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={520} maxHeight={360} my="sm">
        <Table
          verticalSpacing="xs"
          stickyHeader
          highlightOnHover
          aria-label={t('settings.backups.listLabel')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.backups.columns.date')}</Table.Th>
              <Table.Th>{t('settings.backups.columns.kind')}</Table.Th>
              <Table.Th ta="right">{t('settings.backups.columns.size')}</Table.Th>
              <Table.Th ta="right">
                <VisuallyHidden>{t('settings.backups.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.data.map((backup) => (
              <Table.Tr key={backup.name}>
                <Table.Td className="tabular" title={backup.name}>
                  {fmt.dateTime(backup.createdAt)}
                </Table.Td>
                <Table.Td>
                  <KindBadge kind={backup.kind} />
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {fmt.size(backup.sizeBytes)}
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconRestore size={14} aria-hidden />}
                    aria-label={t('settings.backups.restoreLabel', {
                      date: fmt.dateTime(backup.createdAt),
                    })}
                    onClick={() => setRestoring(backup)}
                  >
                    {t('settings.backups.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Section title={t('settings.backups.title')} description={t('settings.backups.description')}>
      {info.data?.dailyBackupFailed && !create.isSuccess && (
        <Alert
          mt="md"
          color="red"
          variant="light"
          title={t('settings.backups.dailyFailedTitle')}
          icon={<IconAlertTriangle size={18} aria-hidden />}
        >
          {t('settings.backups.dailyFailed')}
        </Alert>
      )}
      <Group pt="md">
        <Button
          leftSection={<IconDatabaseExport size={16} aria-hidden />}
          loading={create.isPending}
          onClick={() =>
            create.mutate(undefined, {
              onSuccess: () => notifySuccess(t('settings.backups.created')),
              onError: (error) => notifyError(describeError(error, t)),
            })
          }
        >
          {t('settings.backups.backUpNow')}
        </Button>
      </Group>
      {body}
      <RestoreModal backup={restoring} onClose={() => setRestoring(null)} />
    </Section>
  );
}

function summaryRows(t: TFunction, fmt: Formatters) {
  const count = (value: number | null) =>
    value === null ? t('settings.backups.modal.none') : fmt.number(value);
  return [
    {
      key: 'schemaVersion',
      label: t('settings.backups.modal.rows.schemaVersion'),
      value: (s: DataSummary) => fmt.number(s.schemaVersion),
    },
    ...(
      ['clients', 'engagements', 'invoices', 'creditNotes', 'debtItems', 'slaClauses'] as const
    ).map((key) => ({
      key,
      label: t(`settings.backups.modal.rows.${key}`),
      value: (s: DataSummary) => count(s.counts[key]),
    })),
    {
      key: 'latestInvoice',
      label: t('settings.backups.modal.rows.latestInvoice'),
      value: (s: DataSummary) =>
        s.latestInvoice
          ? t('settings.backups.modal.latestInvoice', {
              number: s.latestInvoice.number,
              date: fmt.date(s.latestInvoice.issueDate),
            })
          : t('settings.backups.modal.none'),
    },
    {
      key: 'invoiceTotals',
      label: t('settings.backups.modal.rows.invoiceTotals'),
      value: (s: DataSummary) =>
        s.invoiceTotals.length === 0 ? (
          t('settings.backups.modal.none')
        ) : (
          <Stack gap={0}>
            {s.invoiceTotals.map((total) => (
              <span key={total.currency}>{fmt.money(total.totalMinor, total.currency)}</span>
            ))}
          </Stack>
        ),
    },
  ];
}

function RestoreModal({ backup, onClose }: { backup: BackupInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  const restore = useRestoreBackup();
  return (
    <Modal
      opened={backup !== null}
      onClose={() => {
        if (!restore.isPending) onClose();
      }}
      title={t('settings.backups.modal.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {backup && <RestoreConfirm backup={backup} restore={restore} onClose={onClose} />}
    </Modal>
  );
}

/** What the backup holds next to the live data, and the button that restores it. */
function RestoreConfirm({
  backup,
  restore,
  onClose,
}: {
  backup: BackupInfo;
  restore: ReturnType<typeof useRestoreBackup>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const preview = useQuery(backupQueries.preview(backup.name));

  const confirm = () =>
    restore.mutate(backup.name, {
      onSuccess: () => {
        notifySuccess(t('settings.backups.restored'));
        onClose();
      },
      onError: (error) => notifyError(describeError(error, t)),
    });

  return (
    <Stack gap="md">
      <Group gap="xs">
        <KindBadge kind={backup.kind} />
        <Text size="sm" fw={500}>
          {t('settings.backups.modal.intro', {
            kind: t(`settings.backups.kinds.${backup.kind}`),
            date: fmt.dateTime(backup.createdAt),
          })}
        </Text>
      </Group>
      {preview.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} height={20} radius="sm" />
          ))}
        </Stack>
      ) : preview.isError ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
          {describeError(preview.error, t)}
        </Alert>
      ) : (
        <Comparison preview={preview.data} />
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} disabled={restore.isPending}>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          leftSection={<IconRestore size={16} aria-hidden />}
          loading={restore.isPending}
          disabled={!preview.data?.restorable}
          onClick={confirm}
        >
          {t('settings.backups.modal.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

function Comparison({ preview: data }: { preview: BackupPreview }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Stack gap="md">
      <Table
        verticalSpacing={6}
        withTableBorder
        aria-label={t('settings.backups.modal.compareLabel')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <VisuallyHidden>{t('settings.backups.modal.item')}</VisuallyHidden>
            </Table.Th>
            <Table.Th ta="right">{t('settings.backups.modal.thisBackup')}</Table.Th>
            <Table.Th ta="right">{t('settings.backups.modal.current')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summaryRows(t, fmt).map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={500}>
                {row.label}
              </Table.Th>
              <Table.Td ta="right" className="tabular">
                {row.value(data.holds)}
              </Table.Td>
              <Table.Td ta="right" className="tabular">
                {row.value(data.current)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data.restorable ? (
        <>
          {data.schemaStatus === 'older' && (
            <Text size="sm" c="dimmed">
              {t('settings.backups.modal.older', { version: data.holds.schemaVersion })}
            </Text>
          )}
          <Alert
            color="orange"
            variant="light"
            title={t('settings.backups.modal.warningTitle')}
            icon={<IconAlertTriangle size={18} aria-hidden />}
          >
            {t('settings.backups.modal.warning')}
          </Alert>
        </>
      ) : (
        <Alert
          color="red"
          variant="light"
          title={t('settings.backups.modal.newerTitle')}
          icon={<IconAlertTriangle size={18} aria-hidden />}
        >
          {t('settings.backups.modal.newer', {
            version: data.holds.schemaVersion,
            known: data.knownSchemaVersion,
          })}
        </Alert>
      )}
    </Stack>
  );
}

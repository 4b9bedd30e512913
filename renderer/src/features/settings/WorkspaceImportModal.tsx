import type { ImportChosen, ImportConflict, ImportPolicy, ImportResult } from '@core/api';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Progress,
  Radio,
  Stack,
  Table,
  Text,
  type MantineSpacing,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileImport } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format';
import { notifySuccess } from '../../lib/notify';
import { useApplyImport } from './mutations';
import { columnLabel, describeWorkspaceError, tableLabel } from './WorkspaceText';

type Chosen = Extract<ImportChosen, { chosen: true }>;

/** What happens to a conflicting row under the chosen policy. */
function outcome(t: TFunction, conflict: ImportConflict, policy: ImportPolicy): string {
  if (conflict.rule === 'policy') {
    return policy === 'take-theirs'
      ? t('workspaceData.preview.outcome.theirs')
      : t('workspaceData.preview.outcome.mine');
  }
  return t(`workspaceData.preview.outcome.${conflict.rule}.${conflict.winner ?? 'mine'}`);
}

/**
 * The preview of a chosen workspace file: per table how many rows are new, identical or in
 * conflict, the conflicts themselves, the policy for them, then the import and its summary.
 */
export function WorkspaceImportModal({
  chosen,
  onClose,
}: {
  chosen: Chosen | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [policy, setPolicy] = useState<ImportPolicy>('keep-mine');
  const apply = useApplyImport();

  const close = () => {
    if (apply.isPending) return;
    apply.reset();
    setPolicy('keep-mine');
    onClose();
  };

  return (
    <Modal
      opened={chosen !== null}
      onClose={close}
      title={t('workspaceData.preview.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {chosen &&
        (apply.isSuccess ? (
          <Summary result={apply.data} onClose={close} />
        ) : (
          <Stack gap="md">
            <FileFacts chosen={chosen} />
            <Counts chosen={chosen} />
            {chosen.preview.conflictsTotal > 0 ? (
              <>
                <Conflicts chosen={chosen} policy={policy} />
                <Radio.Group
                  value={policy}
                  onChange={(value) => setPolicy(value as ImportPolicy)}
                  label={t('workspaceData.preview.policy')}
                  description={t('workspaceData.preview.policyHint')}
                >
                  <Stack gap={6} mt={6}>
                    <Radio value="keep-mine" label={t('workspaceData.preview.keepMine')} />
                    <Radio value="take-theirs" label={t('workspaceData.preview.takeTheirs')} />
                  </Stack>
                </Radio.Group>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('workspaceData.preview.noConflicts')}
              </Text>
            )}
            {apply.isPending && (
              <Stack gap={6} aria-busy>
                <Progress
                  value={100}
                  animated
                  size="lg"
                  aria-label={t('workspaceData.preview.applying')}
                />
                <Text size="sm" c="dimmed">
                  {t('workspaceData.preview.applying')}
                </Text>
              </Stack>
            )}
            {apply.isError && <ImportRefused error={apply.error} />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={apply.isPending}>
                {t('common.cancel')}
              </Button>
              <Button
                leftSection={<IconFileImport size={16} aria-hidden />}
                loading={apply.isPending}
                onClick={() =>
                  apply.mutate(
                    { digest: chosen.preview.digest, policy },
                    {
                      onSuccess: () => notifySuccess(t('workspaceData.result.done')),
                    },
                  )
                }
              >
                {t('workspaceData.preview.apply')}
              </Button>
            </Group>
          </Stack>
        ))}
    </Modal>
  );
}

/** A choice or an import the services refused: why, and that nothing changed. */
export function ImportRefused({
  error,
  onDismiss,
  mb,
}: {
  error: unknown;
  onDismiss?: () => void;
  mb?: MantineSpacing;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      mb={mb}
      color="red"
      variant="light"
      role="alert"
      title={t('workspaceData.import.refusedTitle')}
      icon={<IconAlertTriangle size={18} aria-hidden />}
      withCloseButton={!!onDismiss}
      closeButtonLabel={t('common.dismiss')}
      onClose={onDismiss}
    >
      <Text size="sm">{describeWorkspaceError(error, t)}</Text>
      <Text size="sm" c="dimmed">
        {t('workspaceData.import.nothingChanged')}
      </Text>
    </Alert>
  );
}

function FileFacts({ chosen }: { chosen: Chosen }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Text size="sm">
      {t('workspaceData.preview.file', {
        name: chosen.fileName,
        size: fmt.size(chosen.byteLength),
        date: fmt.dateTime(chosen.preview.exportedAt),
        version: chosen.preview.appVersion,
      })}
    </Text>
  );
}

function Counts({ chosen }: { chosen: Chosen }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const tables = chosen.preview.tables.filter((row) => row.inFile > 0);
  if (tables.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('workspaceData.preview.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={480} maxHeight={280}>
      <Table
        verticalSpacing={4}
        stickyHeader
        withTableBorder
        aria-label={t('workspaceData.preview.countsLabel')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('workspaceData.preview.columns.table')}</Table.Th>
            <Table.Th ta="right">{t('workspaceData.preview.columns.inFile')}</Table.Th>
            <Table.Th ta="right">{t('workspaceData.preview.columns.new')}</Table.Th>
            <Table.Th ta="right">{t('workspaceData.preview.columns.identical')}</Table.Th>
            <Table.Th ta="right">{t('workspaceData.preview.columns.conflicting')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tables.map((row) => (
            <Table.Tr key={row.table}>
              <Table.Th scope="row" fw={500}>
                {tableLabel(t, row.table)}
              </Table.Th>
              <Table.Td ta="right" className="tabular">
                {fmt.number(row.inFile)}
              </Table.Td>
              <Table.Td ta="right" className="tabular">
                {fmt.number(row.new)}
              </Table.Td>
              <Table.Td ta="right" className="tabular">
                {fmt.number(row.identical)}
              </Table.Td>
              <Table.Td ta="right" className="tabular">
                {row.conflicting > 0 ? (
                  <Badge color="orange" variant="light" radius="sm">
                    {fmt.number(row.conflicting)}
                  </Badge>
                ) : (
                  fmt.number(0)
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Conflicts({ chosen, policy }: { chosen: Chosen; policy: ImportPolicy }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { conflicts, conflictsTotal } = chosen.preview;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('workspaceData.preview.conflictsTitle', { count: conflictsTotal })}
      </Text>
      <Table.ScrollContainer minWidth={560} maxHeight={260}>
        <Table
          verticalSpacing={4}
          stickyHeader
          withTableBorder
          aria-label={t('workspaceData.preview.conflictsLabel')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('workspaceData.preview.columns.kind')}</Table.Th>
              <Table.Th>{t('workspaceData.preview.columns.record')}</Table.Th>
              <Table.Th>{t('workspaceData.preview.columns.fields')}</Table.Th>
              <Table.Th>{t('workspaceData.preview.columns.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conflicts.map((conflict) => (
              <Table.Tr key={`${conflict.table}:${conflict.key}`}>
                <Table.Td>{tableLabel(t, conflict.table)}</Table.Td>
                <Table.Td title={conflict.key}>{conflict.label}</Table.Td>
                <Table.Td title={conflict.fields.join(', ')}>
                  <Text size="sm">
                    {conflict.fields.map((f) => columnLabel(t, conflict.table, f)).join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td>{outcome(t, conflict, policy)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {conflictsTotal > conflicts.length && (
        <Text size="xs" c="dimmed">
          {t('workspaceData.preview.moreConflicts', {
            shown: fmt.number(conflicts.length),
            total: fmt.number(conflictsTotal),
          })}
        </Text>
      )}
    </Stack>
  );
}

function Summary({ result, onClose }: { result: ImportResult; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Stack gap="md">
      <Alert
        color="teal"
        variant="light"
        icon={<IconCircleCheck size={18} aria-hidden />}
        title={t('workspaceData.result.title')}
      >
        <Text size="sm">
          {t('workspaceData.result.summary', {
            inserted: fmt.number(result.inserted),
            updated: fmt.number(result.updated),
            unchanged: fmt.number(result.unchanged),
          })}
        </Text>
        {result.invoicesResettled > 0 && (
          <Text size="sm">
            {t('workspaceData.result.resettled', { count: result.invoicesResettled })}
          </Text>
        )}
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus>
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
}

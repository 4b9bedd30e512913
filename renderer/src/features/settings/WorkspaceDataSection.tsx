import type { ImportChosen } from '@core/api';
import { Button, Group } from '@mantine/core';
import { IconFileExport, IconFileImport, IconTableExport } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '../../lib/notify';
import { Row, Section } from './SettingsLayout';
import { ImportRefused, WorkspaceImportModal } from './WorkspaceImportModal';
import { describeWorkspaceError } from './WorkspaceText';

/** Settings → Workspace data: the whole workspace out as JSON or CSV, and a file back in. */
export function WorkspaceDataSection() {
  const { t } = useTranslation();
  const exportJson = useMutation({ mutationFn: () => call('workspace.export', {}) });
  const exportCsv = useMutation({ mutationFn: () => call('workspace.exportCsv', {}) });
  const choose = useMutation({ mutationFn: () => call('workspace.import.choose', {}) });
  const [chosen, setChosen] = useState<Extract<ImportChosen, { chosen: true }> | null>(null);

  const onError = (error: unknown) => notifyError(describeWorkspaceError(error, t));

  return (
    <Section title={t('workspaceData.title')} description={t('workspaceData.description')}>
      <Row label={t('workspaceData.export.label')} hint={t('workspaceData.export.hint')}>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconFileExport size={16} aria-hidden />}
            loading={exportJson.isPending}
            onClick={() =>
              exportJson.mutate(undefined, {
                onSuccess: (result) => {
                  if (result.saved)
                    notifySuccess(t('workspaceData.export.saved', { path: result.path }));
                },
                onError,
              })
            }
          >
            {t('workspaceData.export.json')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconTableExport size={16} aria-hidden />}
            loading={exportCsv.isPending}
            onClick={() =>
              exportCsv.mutate(undefined, {
                onSuccess: (result) => {
                  if (result.saved) {
                    notifySuccess(
                      t('workspaceData.export.csvSaved', {
                        count: result.files,
                        folder: result.folder,
                      }),
                    );
                  }
                },
                onError,
              })
            }
          >
            {t('workspaceData.export.csv')}
          </Button>
        </Group>
      </Row>
      <Row label={t('workspaceData.import.label')} hint={t('workspaceData.import.hint')}>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconFileImport size={16} aria-hidden />}
            loading={choose.isPending}
            onClick={() =>
              choose.mutate(undefined, {
                onSuccess: (result) => {
                  if (result.chosen) setChosen(result);
                },
              })
            }
          >
            {t('workspaceData.import.choose')}
          </Button>
        </Group>
      </Row>
      {choose.isError && (
        <ImportRefused error={choose.error} onDismiss={() => choose.reset()} mb="sm" />
      )}
      <WorkspaceImportModal chosen={chosen} onClose={() => setChosen(null)} />
    </Section>
  );
}

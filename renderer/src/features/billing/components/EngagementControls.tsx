import type { Engagement, EngagementStage } from '@core/api';
import { Button, Group, MultiSelect, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../../api/client';
import { describeError } from '../../../i18n/apiErrors';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { debtKeys } from '../../debt/queries';
import { useDeleteEngagement, useSetEngagementStage, useUpdateEngagement } from '../mutations';
import { ENGAGEMENT_STAGES } from '../options';
import { useUndoToasts } from '../../audit/undo';

/** The stage, changed in place from the engagement's header. */
export function StageSelect({ engagement: e }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const setStage = useSetEngagementStage();
  return (
    <Select
      w={170}
      size="xs"
      aria-label={t('engagements.stageSelect')}
      value={e.stage}
      allowDeselect={false}
      disabled={setStage.isPending}
      data={ENGAGEMENT_STAGES.map((s) => ({ value: s, label: t(`engagements.stage.${s}`) }))}
      onChange={(v) =>
        v &&
        v !== e.stage &&
        setStage.mutate(
          { id: e.id, stage: v as EngagementStage },
          {
            onSuccess: (saved) =>
              notifySuccess(
                t('engagements.toast.stage', {
                  title: saved.title,
                  stage: t(`engagements.stage.${saved.stage}`),
                }),
              ),
            onError: (error) => notifyError(describeError(error, t)),
          },
        )
      }
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Delete, after a confirmation; refused (translated) once invoices or milestones exist. */
export function DeleteEngagementButton({ engagement: e }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteEngagement();
  const undo = useUndoToasts();
  return (
    <Button
      variant="subtle"
      color="red"
      leftSection={<IconTrash size={16} aria-hidden />}
      loading={remove.isPending}
      onClick={() =>
        modals.openConfirmModal({
          title: t('engagements.delete.title'),
          children: <Text size="sm">{t('engagements.delete.question', { title: e.title })}</Text>,
          labels: { confirm: t('engagements.delete.confirm'), cancel: t('common.cancel') },
          confirmProps: { color: 'red' },
          closeButtonProps: { 'aria-label': t('common.close') },
          onConfirm: () =>
            remove.mutate(e.id, {
              onSuccess: () => {
                undo.deleted(
                  t('engagements.toast.deleted', { title: e.title }),
                  'engagement',
                  e.id,
                  {
                    onRestored: () => navigate(`/engagements/${e.id}`),
                  },
                );
                navigate('/engagements');
              },
              onError: (error) => notifyError(describeError(error, t)),
            }),
        })
      }
    >
      {t('engagements.delete.action')}
    </Button>
  );
}

/** The client's tech-debt items this engagement addresses (from the debt workbench). */
export function LinkedDebtItems({ engagement: e }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const update = useUpdateEngagement();
  const items = useQuery({
    queryKey: [...debtKeys.items(), 'forEngagement', e.clientId] as const,
    queryFn: () =>
      call('debt.list', {
        clientId: e.clientId,
        limit: 500,
        sort: { field: 'title', direction: 'asc' },
      }),
  });
  const [selected, setSelected] = useState<string[]>(e.debtItemIds);
  const [savedIds, setSavedIds] = useState(e.debtItemIds);
  if (savedIds !== e.debtItemIds) {
    // The engagement changed elsewhere (saved here or in another view): follow it.
    setSavedIds(e.debtItemIds);
    setSelected(e.debtItemIds);
  }
  const changed =
    selected.length !== e.debtItemIds.length || selected.some((id) => !e.debtItemIds.includes(id));
  const data = (items.data?.items ?? []).map((item) => ({ value: item.id, label: item.title }));
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="debt-links-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="debt-links-title">
          {t('engagements.debt.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('engagements.debt.description', { client: e.clientName })}
        </Text>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <MultiSelect
            flex={1}
            label={t('engagements.debt.label')}
            placeholder={items.data && data.length === 0 ? t('engagements.debt.none') : undefined}
            searchable
            clearable
            hidePickedOptions
            disabled={!items.data || data.length === 0}
            data={data}
            value={selected}
            onChange={setSelected}
            comboboxProps={{ withinPortal: true }}
          />
          <Button
            disabled={!changed}
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                { id: e.id, changes: { debtItemIds: selected } },
                {
                  onSuccess: () => notifySuccess(t('engagements.debt.saved')),
                  onError: (error) => notifyError(describeError(error, t)),
                },
              )
            }
          >
            {t('engagements.debt.save')}
          </Button>
        </Group>
        {items.isError && (
          <Text size="sm" c="red">
            {describeError(items.error, t)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

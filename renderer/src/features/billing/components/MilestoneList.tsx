import { formatPercent } from '../format';
import { formatCalendarDate } from '../format';
import { todayIso } from '../format';
import type { Milestone, MilestoneSchedule } from '@core/api';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconCheck, IconFileInvoice, IconFlag } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../../i18n/apiErrors';
import { useFormatters } from '../../../i18n/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCreateInvoiceFromMilestone, useMilestoneAction } from '../mutations';
import { MilestoneStatusBadge } from './common';
import { LongTextInput } from '../../../ui/fields';

/** The saved schedule with each milestone's status and the next step it allows. */
export function MilestoneList({ schedule }: { schedule: MilestoneSchedule }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const action = useMilestoneAction();
  const [accepting, setAccepting] = useState<Milestone | null>(null);
  const [invoicing, setInvoicing] = useState<Milestone | null>(null);
  const locale = i18n.language;

  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" aria-label={t('milestones.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('milestones.fields.name')}</Table.Th>
              <Table.Th ta="right">{t('milestones.fields.share')}</Table.Th>
              <Table.Th ta="right">{t('milestones.fields.amount')}</Table.Th>
              <Table.Th>{t('milestones.fields.plannedDate')}</Table.Th>
              <Table.Th>{t('milestones.fields.status')}</Table.Th>
              <Table.Th ta="right">{t('milestones.fields.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schedule.milestones.map((m) => (
              <Table.Tr key={m.id} aria-label={m.name}>
                <Table.Td maw={340}>
                  <Text size="sm" fw={600}>
                    {m.name}
                  </Text>
                  {m.deliverable && (
                    <Text size="xs" c="dimmed">
                      {t('milestones.fields.deliverable')}: {m.deliverable}
                    </Text>
                  )}
                  {m.acceptanceCriteria && (
                    <Text size="xs" c="dimmed">
                      {t('milestones.fields.acceptanceCriteria')}: {m.acceptanceCriteria}
                    </Text>
                  )}
                  {m.acceptance && (
                    <Text size="xs" c="teal">
                      {t('milestones.acceptedBy', {
                        by: m.acceptance.by,
                        date: formatCalendarDate(m.acceptance.date, locale),
                      })}
                      {m.acceptance.note ? ` — ${m.acceptance.note}` : ''}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {m.percent !== null ? formatPercent(m.percent, locale) : '—'}
                </Table.Td>
                <Table.Td ta="right" className="tabular" fw={600}>
                  {fmt.money(m.amountMinor, schedule.currency)}
                </Table.Td>
                <Table.Td>{formatCalendarDate(m.plannedDate, locale)}</Table.Td>
                <Table.Td miw={170} style={{ whiteSpace: 'nowrap' }}>
                  <MilestoneStatusBadge status={m.status} />
                </Table.Td>
                <Table.Td>
                  <Group gap={6} justify="flex-end" wrap="wrap">
                    {m.status === 'planned' && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        leftSection={<IconFlag size={14} aria-hidden />}
                        loading={action.isPending && action.variables?.id === m.id}
                        aria-label={t('milestones.markReadyOf', { name: m.name })}
                        onClick={() =>
                          action.mutate(
                            { action: 'markReady', id: m.id },
                            { onError: (e) => notifyError(describeError(e, t)) },
                          )
                        }
                      >
                        {t('milestones.markReady')}
                      </Button>
                    )}
                    {(m.status === 'planned' || m.status === 'ready') && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        leftSection={<IconCheck size={14} aria-hidden />}
                        aria-label={t('milestones.acceptOf', { name: m.name })}
                        onClick={() => setAccepting(m)}
                      >
                        {t('milestones.accept')}
                      </Button>
                    )}
                    {m.status !== 'invoiced' && m.status !== 'paid' && !m.invoiceId && (
                      <Button
                        size="compact-sm"
                        variant={m.status === 'accepted' ? 'filled' : 'subtle'}
                        leftSection={<IconFileInvoice size={14} aria-hidden />}
                        aria-label={t('milestones.invoiceOf', { name: m.name })}
                        onClick={() => setInvoicing(m)}
                      >
                        {t('milestones.invoice')}
                      </Button>
                    )}
                    {m.invoiceId && (
                      <Anchor component={Link} to={`/invoices/${m.invoiceId}`} size="sm">
                        {m.invoiceNumber ?? t('invoices.draftNumber')}
                      </Anchor>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={!!accepting}
        onClose={() => setAccepting(null)}
        title={t('milestones.acceptTitle', { name: accepting?.name ?? '' })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {accepting && <AcceptForm milestone={accepting} onClose={() => setAccepting(null)} />}
      </Modal>
      <Modal
        opened={!!invoicing}
        onClose={() => setInvoicing(null)}
        title={t('milestones.invoiceTitle', { name: invoicing?.name ?? '' })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {invoicing && (
          <InvoiceMilestoneForm
            milestone={invoicing}
            currency={schedule.currency}
            onClose={() => setInvoicing(null)}
          />
        )}
      </Modal>
    </>
  );
}

function AcceptForm({ milestone, onClose }: { milestone: Milestone; onClose: () => void }) {
  const { t } = useTranslation();
  const action = useMilestoneAction();
  const [date, setDate] = useState(todayIso());
  const [by, setBy] = useState('');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setSubmitted(true);
    if (!by.trim() || !date) return;
    action.mutate(
      { action: 'accept', id: milestone.id, date, by: by.trim(), note },
      {
        onSuccess: () => {
          notifySuccess(t('milestones.acceptedToast', { name: milestone.name }));
          onClose();
        },
      },
    );
  };
  return (
    <form
      onSubmit={submit}
      onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}
      noValidate
    >
      <Stack gap="sm">
        {milestone.acceptanceCriteria && (
          <Paper withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed">
              {t('milestones.fields.acceptanceCriteria')}
            </Text>
            <Text size="sm">{milestone.acceptanceCriteria}</Text>
          </Paper>
        )}
        <TextInput
          type="date"
          label={t('milestones.acceptDate')}
          withAsterisk
          value={date}
          error={submitted && !date ? t('milestones.errors.date') : null}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <TextInput
          label={t('milestones.acceptBy')}
          withAsterisk
          data-autofocus
          value={by}
          error={submitted && !by.trim() ? t('milestones.errors.by') : null}
          onChange={(e) => setBy(e.currentTarget.value)}
        />
        <LongTextInput label={t('milestones.acceptNote')} value={note} onValueChange={setNote} />
        {action.isError && (
          <Alert color="red" variant="light" role="alert">
            {describeError(action.error, t)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={action.isPending}>
            {t('milestones.confirmAccept')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function InvoiceMilestoneForm({
  milestone,
  currency,
  onClose,
}: {
  milestone: Milestone;
  currency: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const create = useCreateInvoiceFromMilestone();
  const needsReason = milestone.status !== 'accepted';
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setSubmitted(true);
    if (needsReason && !reason.trim()) return;
    create.mutate(
      { milestoneId: milestone.id, ...(needsReason ? { reason: reason.trim() } : {}) },
      {
        onSuccess: (invoice) => {
          notifySuccess(t('invoices.toast.draftCreated'));
          onClose();
          navigate(`/invoices/${invoice.id}`);
        },
      },
    );
  };
  return (
    <form
      onSubmit={submit}
      onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}
      noValidate
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('milestones.invoiceBody', { amount: fmt.money(milestone.amountMinor, currency) })}
        </Text>
        {needsReason && (
          <>
            <Alert color="yellow" variant="light">
              {t('milestones.notAcceptedWarning')}
            </Alert>
            <LongTextInput
              label={t('milestones.notAcceptedReason')}
              withAsterisk
              data-autofocus
              value={reason}
              error={submitted && !reason.trim() ? t('milestones.errors.reason') : null}
              onValueChange={setReason}
            />
          </>
        )}
        {create.isError && (
          <Alert color="red" variant="light" role="alert">
            {describeError(create.error, t, currency)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={create.isPending}
            data-autofocus={!needsReason || undefined}
          >
            {t('milestones.createInvoice')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

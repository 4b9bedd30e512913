import { formatPercent } from '../format';
import { formatCalendarDate } from '../format';
import type { Invoice } from '@core/api';
import { ApiError } from '@core/api';
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Divider,
  Group,
  Image,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconBan,
  IconCash,
  IconEdit,
  IconFileTypePdf,
  IconHistory,
  IconReceiptRefund,
  IconSend,
  IconTrash,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError } from '../../../i18n/apiErrors';
import { DocumentButton } from '../../documents/DocumentButton';
import { usePdfPreview } from '../../documents/usePdfPreview';
import { useFormatters } from '../../../i18n/format';
import { notifyError } from '../../../lib/notify';
import { HistoryPanel } from '../../audit/HistoryPanel';
import { useUndoToasts } from '../../audit/undo';
import { InvoiceStatusBadge, LoadError } from '../components/common';
import { InvoiceDialogs, type InvoiceDialog } from '../components/InvoiceActions';
import { useDeleteDraft, useDeletePayment } from '../mutations';
import { billingQueries } from '../queries';
import doc from './InvoiceDocument.module.css';
import classes from './Page.module.css';
import { BackLink } from '../../../components/BackLink';

export function InvoiceDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery(billingQueries.invoice(id));
  if (query.isError && !query.data) {
    const missing = query.error instanceof ApiError && query.error.code === 'NOT_FOUND';
    return (
      <div className={classes.scrollPage}>
        <LoadError
          message={missing ? t('invoices.missing') : describeError(query.error, t)}
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  }
  if (!query.data)
    return (
      <div className={classes.scrollPage} aria-busy aria-label={t('common.loading')}>
        <Skeleton height={36} width={360} />
        <Skeleton height={520} maw={960} radius="md" />
      </div>
    );
  return <InvoiceDetail invoice={query.data} />;
}

function InvoiceDetail({ invoice: inv }: { invoice: Invoice }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<InvoiceDialog>(null);
  const creditNotePreview = usePdfPreview();
  const deleteDraft = useDeleteDraft();
  const deletePayment = useDeletePayment();
  const undo = useUndoToasts();
  const [historyOf, setHistoryOf] = useState<{ id: string; number: string } | null>(null);
  // Undo puts the very payment back (same id and record), not a new one like it.
  const removePayment = (id: string) =>
    deletePayment.mutate(id, {
      onSuccess: ({ payment }) =>
        undo.deleted(
          t('invoices.toast.paymentDeleted', { amount: money(payment.amountMinor) }),
          'payment',
          payment.id,
          { currency: inv.currency },
        ),
      onError: (e) => notifyError(describeError(e, t, inv.currency)),
    });
  const money = (minor: number) => fmt.money(minor, inv.currency);
  const locale = i18n.language;
  const isDraft = inv.status === 'draft';
  const open = inv.status === 'issued' || inv.status === 'partly_paid';
  const title = inv.number ?? t('invoices.draftNumber');

  return (
    <div className={classes.scrollPage}>
      <Group justify="space-between" align="flex-end" maw={960}>
        <Stack gap={4}>
          <BackLink to="/invoices">{t('invoices.back')}</BackLink>
          <Group gap="sm">
            <Title order={2} className="tabular">
              {t('invoices.titleOf', { number: title })}
            </Title>
            <InvoiceStatusBadge status={inv.displayStatus} size="lg" />
          </Group>
        </Stack>
        <Group gap="sm">
          <DocumentButton
            request={{ kind: 'invoice', id: inv.id }}
            title={t('documents.titles.invoice', { number: title })}
          >
            {t('documents.actions.invoicePdf')}
          </DocumentButton>
          {isDraft && (
            <>
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                loading={deleteDraft.isPending}
                onClick={() =>
                  deleteDraft.mutate(inv.id, {
                    onSuccess: () => {
                      undo.deleted(t('invoices.toast.draftDeleted'), 'invoice_draft', inv.id, {
                        onRestored: () => navigate(`/invoices/${inv.id}`),
                      });
                      navigate('/invoices');
                    },
                    onError: (e) => notifyError(describeError(e, t)),
                  })
                }
              >
                {t('invoices.deleteDraft')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconEdit size={16} aria-hidden />}
                onClick={() => navigate(`/invoices/${inv.id}/edit`)}
              >
                {t('invoices.editDraft')}
              </Button>
              <Button
                leftSection={<IconSend size={16} aria-hidden />}
                onClick={() => setDialog('issue')}
              >
                {t('invoices.issue.action')}
              </Button>
            </>
          )}
          {open && (
            <Button
              leftSection={<IconCash size={16} aria-hidden />}
              onClick={() => setDialog('payment')}
            >
              {t('invoices.payment.action')}
            </Button>
          )}
          {!isDraft && inv.status !== 'void' && inv.creditableMinor > 0 && (
            <Button
              variant="default"
              leftSection={<IconReceiptRefund size={16} aria-hidden />}
              onClick={() => setDialog('credit')}
            >
              {t('invoices.credit.action')}
            </Button>
          )}
          {!isDraft && inv.status !== 'void' && (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconBan size={16} aria-hidden />}
              onClick={() => setDialog('void')}
            >
              {t('invoices.void.action')}
            </Button>
          )}
        </Group>
      </Group>

      {inv.status === 'void' && (
        <Alert color="gray" variant="light" maw={960} title={t('invoices.voidBanner')}>
          {inv.voidReason}
        </Alert>
      )}
      {inv.unacceptedReason && (
        <Alert color="yellow" variant="light" maw={960} title={t('invoices.unacceptedBanner')}>
          {inv.unacceptedReason}
        </Alert>
      )}

      <Paper
        withBorder
        radius="md"
        className={doc.paper}
        component="article"
        aria-label={t('invoices.document')}
      >
        <div className={doc.head}>
          <Stack gap={4}>
            {inv.seller.logo && (
              <Image
                src={`data:${inv.seller.logo.mimeType};base64,${inv.seller.logo.base64}`}
                alt={t('profile.logo.preview')}
                h={48}
                w="auto"
                fit="contain"
              />
            )}
            <Text fw={700} size="lg">
              {inv.seller.name || t('invoices.noProfile')}
            </Text>
          </Stack>
          <Stack gap={2} align="flex-end">
            <Text fw={800} size="xl" tt="uppercase" style={{ letterSpacing: '0.08em' }}>
              {t('invoices.documentTitle')}
            </Text>
            <Text className="tabular" fw={600} data-testid="invoice-number">
              {title}
            </Text>
            <Text size="sm" c="dimmed">
              {t('invoices.fields.issueDate')}: {formatCalendarDate(inv.issueDate, locale)}
            </Text>
            {inv.supplyDate && (
              <Text size="sm" c="dimmed">
                {t('invoices.fields.supplyDate')}: {formatCalendarDate(inv.supplyDate, locale)}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('invoices.fields.dueDate')}: {formatCalendarDate(inv.dueDate, locale)} (
              {t('invoices.netDays', { count: inv.paymentTermsDays })})
            </Text>
          </Stack>
        </div>

        <div className={doc.parties}>
          <div>
            <div className={doc.label}>{t('invoices.from')}</div>
            <Text fw={600} size="sm">
              {inv.seller.name}
            </Text>
            {inv.seller.legalName && <Text size="sm">{inv.seller.legalName}</Text>}
            <div className={doc.pre}>{inv.seller.address}</div>
            {inv.seller.taxId && (
              <Text size="sm">{t('invoices.taxId', { id: inv.seller.taxId })}</Text>
            )}
            {inv.seller.email && <Text size="sm">{inv.seller.email}</Text>}
          </div>
          <div>
            <div className={doc.label}>{t('invoices.billTo')}</div>
            <Text fw={600} size="sm">
              {inv.buyer.legalName || inv.buyer.name}
            </Text>
            <div className={doc.pre}>{inv.buyer.address}</div>
            {inv.buyer.taxId && (
              <Text size="sm">{t('invoices.taxId', { id: inv.buyer.taxId })}</Text>
            )}
            {inv.engagementTitle && (
              <Text size="sm" c="dimmed">
                {t('invoices.engagement')}:{' '}
                <Anchor component={Link} to={`/engagements/${inv.engagementId}`} size="sm">
                  {inv.engagementTitle}
                </Anchor>
              </Text>
            )}
          </div>
        </div>

        <Table mt="xl" verticalSpacing="xs" aria-label={t('invoices.linesLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoices.lines.description')}</Table.Th>
              <Table.Th className={doc.num}>{t('invoices.lines.quantity')}</Table.Th>
              <Table.Th className={doc.num}>{t('invoices.lines.unitPrice')}</Table.Th>
              <Table.Th className={doc.num}>{t('invoices.lines.discount')}</Table.Th>
              <Table.Th className={doc.num}>{t('invoices.lines.taxRate')}</Table.Th>
              <Table.Th className={doc.num}>
                {inv.taxMode === 'inclusive'
                  ? t('invoices.lines.amountGross')
                  : t('invoices.lines.amountNet')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inv.lines.map((line) => (
              <Table.Tr key={line.position}>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{line.description}</Table.Td>
                <Table.Td className={doc.num}>
                  {fmt.number(Number(line.quantity))} {line.unit}
                </Table.Td>
                <Table.Td className={doc.num}>{money(line.unitPriceMinor)}</Table.Td>
                <Table.Td className={doc.num}>
                  {line.discountMinor ? `−${money(line.discountMinor)}` : '—'}
                  {line.discount && 'percent' in line.discount && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({formatPercent(line.discount.percent, locale)})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className={doc.num}>
                  {formatPercent(line.taxRatePercent, locale)}
                </Table.Td>
                <Table.Td className={doc.num}>{money(line.amountMinor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>

        <Group align="flex-start" mt="lg" gap="xl" wrap="nowrap">
          <Table
            withTableBorder={false}
            w={380}
            verticalSpacing={4}
            aria-label={t('invoices.taxSummary')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoices.lines.taxRate')}</Table.Th>
                <Table.Th className={doc.num}>{t('invoices.net')}</Table.Th>
                <Table.Th className={doc.num}>{t('invoices.tax')}</Table.Th>
                <Table.Th className={doc.num}>{t('invoices.gross')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inv.taxSummary.map((row) => (
                <Table.Tr key={row.taxRatePercent}>
                  <Table.Td>{formatPercent(row.taxRatePercent, locale)}</Table.Td>
                  <Table.Td className={doc.num}>{money(row.netMinor)}</Table.Td>
                  <Table.Td className={doc.num}>{money(row.taxMinor)}</Table.Td>
                  <Table.Td className={doc.num}>{money(row.grossMinor)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <div className={doc.totals} role="group" aria-label={t('invoices.totals')}>
            <span>{t('invoices.subtotal')}</span>
            <span>{money(inv.subtotalMinor)}</span>
            <span>{t('invoices.tax')}</span>
            <span>{money(inv.taxMinor)}</span>
            <span className={doc.grand}>{t('invoices.total')}</span>
            <span className={doc.grand} data-testid="invoice-total">
              {money(inv.totalMinor)}
            </span>
            {inv.depositMinor > 0 && (
              <>
                <span>{t('invoices.deposit')}</span>
                <span>−{money(inv.depositMinor)}</span>
              </>
            )}
            {inv.creditedMinor > 0 && (
              <>
                <span>{t('invoices.credited')}</span>
                <span>−{money(inv.creditedMinor)}</span>
              </>
            )}
            {inv.paidMinor > 0 && (
              <>
                <span>{t('invoices.paid')}</span>
                <span>−{money(inv.paidMinor)}</span>
              </>
            )}
            <span className={doc.grand}>
              {inv.balanceMinor < 0 && inv.status !== 'void'
                ? t('invoices.refundDue')
                : t('invoices.amountDue')}
            </span>
            <span className={doc.grand} data-testid="invoice-balance">
              {money(inv.status === 'void' ? 0 : Math.abs(inv.balanceMinor))}
            </span>
            {inv.lateInterestMinor > 0 && (
              <>
                <span>{t('invoices.lateInterest')}</span>
                <span>{money(inv.lateInterestMinor)}</span>
              </>
            )}
          </div>
        </Group>

        {inv.engagementId && (
          <Text size="sm" c="dimmed" mt="md">
            {t('invoices.previouslyInvoiced', { amount: money(inv.previouslyInvoicedMinor) })}
          </Text>
        )}

        {(inv.notes || inv.paymentInstructions || inv.seller.bankDetails) && (
          <>
            <Divider my="lg" />
            <Group align="flex-start" grow>
              {inv.seller.bankDetails && (
                <div>
                  <div className={doc.label}>{t('invoices.bankDetails')}</div>
                  <div className={doc.pre}>{inv.seller.bankDetails}</div>
                </div>
              )}
              {inv.paymentInstructions && (
                <div>
                  <div className={doc.label}>{t('invoices.fields.paymentInstructions')}</div>
                  <div className={doc.pre}>{inv.paymentInstructions}</div>
                </div>
              )}
              {inv.notes && (
                <div>
                  <div className={doc.label}>{t('invoices.fields.notes')}</div>
                  <div className={doc.pre}>{inv.notes}</div>
                </div>
              )}
            </Group>
          </>
        )}
      </Paper>

      {(inv.payments.length > 0 || inv.creditNotes.length > 0) && (
        <Paper withBorder radius="md" p="lg" maw={960}>
          {inv.payments.length > 0 && (
            <>
              <Title order={3} size="h5" mb="xs">
                {t('invoices.paymentsTitle')}
              </Title>
              <Table aria-label={t('invoices.paymentsTitle')} mb="md">
                <Table.Tbody>
                  {inv.payments.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{formatCalendarDate(p.date, locale)}</Table.Td>
                      <Table.Td>{t(`invoices.methods.${p.method}`)}</Table.Td>
                      <Table.Td>{p.reference}</Table.Td>
                      <Table.Td className={doc.num}>{money(p.amountMinor)}</Table.Td>
                      <Table.Td w={48}>
                        {inv.status !== 'void' && (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('invoices.payment.deleteOf', {
                              amount: money(p.amountMinor),
                              date: formatCalendarDate(p.date, locale),
                            })}
                            loading={deletePayment.isPending && deletePayment.variables === p.id}
                            onClick={() => removePayment(p.id)}
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          {inv.creditNotes.length > 0 && (
            <>
              <Title order={3} size="h5" mb="xs">
                {t('invoices.creditNotesTitle')}
              </Title>
              <Table aria-label={t('invoices.creditNotesTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('creditNotes.columns.number')}</Table.Th>
                    <Table.Th>{t('creditNotes.columns.date')}</Table.Th>
                    <Table.Th className={doc.num}>{t('creditNotes.columns.amount')}</Table.Th>
                    <Table.Th>{t('creditNotes.columns.reason')}</Table.Th>
                    <Table.Th>{t('creditNotes.columns.source')}</Table.Th>
                    <Table.Th w={84} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {inv.creditNotes.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td className="tabular" fw={600}>
                        {c.number}
                      </Table.Td>
                      <Table.Td>{formatCalendarDate(c.issueDate, locale)}</Table.Td>
                      <Table.Td className={doc.num}>−{money(c.totalMinor)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{c.reason}</Table.Td>
                      <Table.Td>
                        {t(`creditNotes.source.${c.source}`)}
                        {c.sourceRef && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ({c.sourceRef})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('audit.historyOf', { label: c.number })}
                            onClick={() => setHistoryOf({ id: c.id, number: c.number })}
                          >
                            <IconHistory size={16} aria-hidden />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('documents.actions.creditNotePdf', { number: c.number })}
                            onClick={() =>
                              creditNotePreview.open(
                                { kind: 'credit-note', id: c.id },
                                t('documents.titles.creditNote', { number: c.number }),
                              )
                            }
                          >
                            <IconFileTypePdf size={16} aria-hidden />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Paper>
      )}

      {!isDraft && <HistoryPanel entity="invoice" entityId={inv.id} maw={960} />}

      <Modal
        opened={historyOf !== null}
        onClose={() => setHistoryOf(null)}
        title={historyOf ? t('audit.historyOf', { label: historyOf.number }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
      >
        {historyOf && <HistoryPanel entity="credit_note" entityId={historyOf.id} bare />}
      </Modal>
      <InvoiceDialogs invoice={inv} dialog={dialog} onClose={() => setDialog(null)} />
      {creditNotePreview.modal}
    </div>
  );
}

import type { Client, ClientSortField } from '@core/api';
import { Badge, Skeleton, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VirtualTable, type Column, type PagedList } from '../../../components/VirtualTable';
import classes from '../../../components/VirtualTable.module.css';
import { useFormatters } from '../../../i18n/format';
import type { ClientSort } from '../../../stores/clientFilters';
import { ClientRowActions, type ClientActionHandlers } from './ClientRowActions';

const TEMPLATE =
  'minmax(220px, 2.4fr) minmax(200px, 2fr) 88px minmax(130px, 1fr) minmax(110px, 0.9fr) minmax(120px, 1fr) 52px';

export interface ClientsTableProps {
  list: PagedList<Client>;
  sort: ClientSort;
  onSort: (field: ClientSortField) => void;
  actions: ClientActionHandlers;
  /** The empty list's state; null while it is still being decided. */
  empty: ReactNode;
}

/** The client list: a virtualised table (10 clients or 10,000); Delete deletes a row. */
export function ClientsTable({ list, sort, onSort, actions, empty }: ClientsTableProps) {
  const { t } = useTranslation();
  const fmt = useFormatters();

  const columns: Column<Client, ClientSortField>[] = [
    {
      key: 'name',
      header: t('clients.columns.name'),
      sortField: 'displayName',
      render: (client) => (
        <>
          <div className={classes.nameLine}>
            <span
              className={`${classes.primary} ${client.archived ? classes.dimmed : ''}`}
              title={client.displayName}
            >
              {client.displayName}
            </span>
            {client.archived && (
              <Badge size="xs" variant="light" color="gray" radius="sm" style={{ flexShrink: 0 }}>
                {t('clients.archivedBadge')}
              </Badge>
            )}
          </div>
          {client.legalName && (
            <div className={classes.secondary} title={client.legalName}>
              {client.legalName}
            </div>
          )}
        </>
      ),
      placeholder: (
        <>
          <Skeleton height={10} width="70%" radius="sm" />
          <Skeleton height={8} width="45%" radius="sm" mt={8} />
        </>
      ),
    },
    {
      key: 'contact',
      header: t('clients.columns.contact'),
      render: (client) => (
        <>
          {client.contactPerson && <div className={classes.single}>{client.contactPerson}</div>}
          {client.email && <div className={classes.secondary}>{client.email}</div>}
          {!client.contactPerson && !client.email && <div className={classes.secondary}>—</div>}
        </>
      ),
    },
    {
      key: 'currency',
      header: t('clients.columns.currency'),
      sortField: 'defaultCurrency',
      render: (client) => (
        <Badge variant="default" radius="sm" className="tabular">
          {client.defaultCurrency}
        </Badge>
      ),
      placeholder: <Skeleton height={18} width={44} radius="sm" />,
    },
    {
      key: 'dayRate',
      header: t('clients.columns.dayRate'),
      numeric: true,
      render: (client) =>
        client.defaultDayRateMinor > 0
          ? fmt.money(client.defaultDayRateMinor, client.defaultCurrency)
          : '—',
    },
    {
      key: 'terms',
      header: t('clients.columns.paymentTerms'),
      render: (client) =>
        client.paymentTermsDays === 0
          ? t('clients.terms.onReceipt')
          : t('clients.terms.days', { count: client.paymentTermsDays }),
    },
    {
      key: 'updated',
      header: t('clients.columns.updated'),
      sortField: 'updatedAt',
      title: (client) => fmt.dateTime(client.updatedAt),
      render: (client) => fmt.relative(client.updatedAt),
    },
    {
      key: 'actions',
      header: <VisuallyHidden>{t('clients.columns.actions')}</VisuallyHidden>,
      end: true,
      controls: true,
      render: (client, { tabIndex }) => (
        <ClientRowActions client={client} actions={actions} tabIndex={tabIndex} />
      ),
      placeholder: null,
    },
  ];

  return (
    <VirtualTable
      label={t('clients.table.label')}
      loadingLabel={t('clients.table.loading')}
      errorTitle={t('clients.loadError.title')}
      columns={columns}
      template={TEMPLATE}
      minWidth={1000}
      list={list}
      empty={empty}
      rowKey={(client) => client.id}
      sort={sort}
      onSort={onSort}
      onOpen={actions.open}
      onRowKey={(key, client) => {
        if (key !== 'Delete') return false;
        actions.confirmDelete(client);
        return true;
      }}
    />
  );
}

import type { DebtItem, DebtSortField, DebtTotals } from '@core/api/debt';
import { ActionIcon, Badge, Checkbox, Menu, VisuallyHidden } from '@mantine/core';
import { IconCopy, IconDots, IconExternalLink, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VirtualTable, type Column, type PagedList } from '../../../components/VirtualTable';
import classes from '../../../components/VirtualTable.module.css';
import { useDebtFormat } from '../format';
import { IMPACT_COLOR, STATUS_COLOR } from '../options';
import type { DebtSort } from '../queries';

const TEMPLATE =
  '24px minmax(180px, 3fr) 76px 100px repeat(3, minmax(100px, 1fr)) 64px 72px minmax(76px, 0.8fr) 32px';

export interface DebtRowActions {
  open: (item: DebtItem) => void;
  duplicate: (item: DebtItem) => void;
  confirmDelete: (item: DebtItem) => void;
}

export interface DebtTableProps {
  list: PagedList<DebtItem>;
  totals: readonly DebtTotals[];
  sort: DebtSort;
  onSort: (field: DebtSortField) => void;
  showClient: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (checked: boolean) => void;
  actions: DebtRowActions;
  /** The empty register's state. */
  empty: ReactNode;
}

/**
 * The register: a virtualised table (10 items or 10,000) with a checkbox per row (Space
 * toggles it, Delete deletes) and the totals per currency pinned at the bottom.
 */
export function DebtTable({
  list,
  totals,
  sort,
  onSort,
  showClient,
  selected,
  onToggle,
  onToggleAll,
  actions,
  empty,
}: DebtTableProps) {
  const { t } = useTranslation();
  const fmt = useDebtFormat();

  const loaded = list.rows.filter((row): row is DebtItem => row !== undefined);
  const loadedSelected = loaded.filter((row) => selected.has(row.id)).length;
  const allChecked = loaded.length > 0 && loadedSelected === loaded.length;

  const money = (minor: number, item: DebtItem) => fmt.wholeMoney(minor, item.currency);
  const figure = (
    key: 'quarterlyCost' | 'fixCost' | 'netBenefit' | 'roi' | 'payback' | 'cd3',
    render: (item: DebtItem) => ReactNode,
    sortField?: DebtSortField,
  ): Column<DebtItem, DebtSortField> => ({
    key,
    header: t(`debt.columns.${key}`),
    sortField,
    numeric: true,
    render,
  });

  const columns: Column<DebtItem, DebtSortField>[] = [
    {
      key: 'select',
      header: (
        <Checkbox
          size="xs"
          aria-label={t('debt.columns.selectAll')}
          checked={allChecked}
          indeterminate={loadedSelected > 0 && !allChecked}
          onChange={(event) => onToggleAll(event.currentTarget.checked)}
        />
      ),
      controls: true,
      render: (item, { tabIndex }) => (
        <Checkbox
          size="xs"
          tabIndex={tabIndex}
          aria-label={t('debt.columns.selectRow', { title: item.title })}
          checked={selected.has(item.id)}
          onChange={() => onToggle(item.id)}
        />
      ),
      placeholder: null,
    },
    {
      key: 'title',
      header: t('debt.columns.title'),
      sortField: 'title',
      render: (item) => {
        const secondary = [
          showClient ? item.clientName : null,
          t(`debt.category.${item.category}`),
          item.affectedSystem || null,
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <>
            <div className={classes.primary} title={item.title}>
              {item.title}
            </div>
            <div className={classes.secondary} title={secondary}>
              {secondary}
            </div>
          </>
        );
      },
    },
    {
      key: 'impact',
      header: t('debt.columns.impact'),
      sortField: 'impact',
      render: (item) => (
        <Badge size="sm" variant="light" color={IMPACT_COLOR[item.impact]} radius="sm">
          {t(`debt.impact.${item.impact}`)}
        </Badge>
      ),
    },
    {
      key: 'status',
      header: t('debt.columns.status'),
      render: (item) => (
        <Badge size="sm" variant="dot" color={STATUS_COLOR[item.status]} radius="sm">
          {t(`debt.status.${item.status}`)}
        </Badge>
      ),
    },
    figure('quarterlyCost', (item) => money(item.quarterlyCostMinor.likely, item), 'quarterlyCost'),
    figure('fixCost', (item) => money(item.evaluation.fixCostMinor, item)),
    figure(
      'netBenefit',
      (item) => (
        <span className={item.evaluation.netBenefitMinor < 0 ? classes.negative : undefined}>
          {money(item.evaluation.netBenefitMinor, item)}
        </span>
      ),
      'netBenefit',
    ),
    figure('roi', (item) => fmt.percent(item.evaluation.roi), 'roi'),
    figure('payback', (item) => fmt.payback(item.evaluation.paybackQuarters), 'payback'),
    figure('cd3', (item) => fmt.cd3(item.evaluation.cd3, item.currency), 'cd3'),
    {
      key: 'actions',
      header: <VisuallyHidden>{t('debt.columns.actions')}</VisuallyHidden>,
      end: true,
      controls: true,
      render: (item, { tabIndex }) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              tabIndex={tabIndex}
              aria-label={t('debt.actions.menu', { title: item.title })}
            >
              <IconDots size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconExternalLink size={16} aria-hidden />}
              onClick={() => actions.open(item)}
            >
              {t('debt.actions.open')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconCopy size={16} aria-hidden />}
              onClick={() => actions.duplicate(item)}
            >
              {t('debt.actions.duplicate')}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => actions.confirmDelete(item)}
            >
              {t('debt.actions.delete')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ),
      placeholder: null,
    },
  ];

  const totalsRows = totals.map((row, i) => (
    <div
      role="row"
      key={row.currency}
      aria-rowindex={list.total + 2 + i}
      aria-label={t('debt.totals.rowLabel', { currency: row.currency })}
      data-currency={row.currency}
      className={`${classes.grid} ${classes.totalsRow}`}
    >
      <div role="cell" />
      <div role="cell" className={`${classes.cell} ${classes.clip}`}>
        {t('debt.totals.items', { count: row.items, currency: row.currency })}
      </div>
      <div role="cell" />
      <div role="cell" className={classes.secondary}>
        {t('debt.totals.pvCarry')}
      </div>
      <div role="cell" className={classes.numeric} data-total="pvCarry">
        {fmt.wholeMoney(row.pvCarryMinor, row.currency)}
      </div>
      <div role="cell" className={classes.numeric} data-total="fixCost">
        {fmt.wholeMoney(row.fixCostMinor, row.currency)}
      </div>
      <div
        role="cell"
        data-total="netBenefit"
        className={`${classes.numeric} ${row.netBenefitMinor < 0 ? classes.negative : ''}`}
      >
        {fmt.wholeMoney(row.netBenefitMinor, row.currency)}
      </div>
      <div role="cell" className={classes.numeric} data-total="roi">
        {fmt.percent(row.roi)}
      </div>
      <div role="cell" />
      <div role="cell" />
      <div role="cell" />
    </div>
  ));

  return (
    <VirtualTable
      label={t('debt.table.label')}
      loadingLabel={t('debt.table.loading')}
      errorTitle={t('debt.loadError')}
      columns={columns}
      template={TEMPLATE}
      minWidth={1000}
      compact
      list={list}
      empty={empty}
      rowKey={(item) => item.id}
      isSelected={(item) => selected.has(item.id)}
      sort={sort}
      onSort={onSort}
      onOpen={actions.open}
      onRowKey={(key, item) => {
        if (key === ' ') onToggle(item.id);
        else if (key === 'Delete') actions.confirmDelete(item);
        else return false;
        return true;
      }}
      footer={
        totals.length > 0
          ? { label: t('debt.totals.label'), rowCount: totals.length, rows: totalsRows }
          : undefined
      }
    />
  );
}

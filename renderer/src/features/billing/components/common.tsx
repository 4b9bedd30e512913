import type { EngagementStage, InvoiceDisplayStatus, MilestoneStatus } from '@core/api';
import { Badge, TextInput, type TextInputProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListError, ListFrame } from '../../../components/ListStates';
import { formatMoneyInput, readAmount } from '../../../lib/money';

/** The list frame at the height the billing and SLA pages use. */
export function Frame({ children }: { children: ReactNode }) {
  return <ListFrame minHeight={280}>{children}</ListFrame>;
}

export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <ListError title={t('billing.loadError')} error={message} onRetry={onRetry} minHeight={280} />
  );
}

const INVOICE_COLORS: Record<InvoiceDisplayStatus, string> = {
  draft: 'gray',
  issued: 'blue',
  partly_paid: 'yellow',
  paid: 'teal',
  overdue: 'red',
  void: 'dark',
};

export function InvoiceStatusBadge({
  status,
  size = 'sm',
}: {
  status: InvoiceDisplayStatus;
  size?: 'sm' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Badge color={INVOICE_COLORS[status]} variant="light" radius="sm" size={size}>
      {t(`invoices.status.${status}`)}
    </Badge>
  );
}

const MILESTONE_COLORS: Record<MilestoneStatus, string> = {
  planned: 'gray',
  ready: 'yellow',
  accepted: 'blue',
  invoiced: 'grape',
  paid: 'teal',
};

export function MilestoneStatusBadge({ status }: { status: MilestoneStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={MILESTONE_COLORS[status]}
      variant="light"
      radius="sm"
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      {t(`milestones.status.${status}`)}
    </Badge>
  );
}

const STAGE_COLORS: Record<EngagementStage, string> = {
  lead: 'gray',
  proposal_sent: 'cyan',
  won: 'indigo',
  active: 'blue',
  completed: 'teal',
  lost: 'red',
  cancelled: 'dark',
};

export function StageBadge({ stage }: { stage: EngagementStage }) {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLORS[stage]} variant="light" radius="sm">
      {t(`engagements.stage.${stage}`)}
    </Badge>
  );
}

export type MoneyInputProps = Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  currency: string;
  /** Minor units, or null when empty. */
  initialMinor: number | null;
  /** Minor units, or null while the text is not an amount. */
  onValueChange: (minor: number | null) => void;
};

/**
 * Money as the user types it (`1200.5`, `1,200.50`, `¥8.5万`), read exactly into minor units
 * by core/money and re-formatted on blur. Remount (key) to load a new value from outside.
 */
export function MoneyInput({ currency, initialMinor, onValueChange, ...props }: MoneyInputProps) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const [text, setText] = useState(() =>
    initialMinor === null ? '' : formatMoneyInput(initialMinor, currency, locale),
  );
  return (
    <TextInput
      inputMode="decimal"
      classNames={{ input: 'tabular' }}
      rightSection={
        <span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{currency}</span>
      }
      rightSectionWidth={48}
      {...props}
      value={text}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setText(value);
        const read = readAmount(value, currency, locale);
        onValueChange(read.ok ? read.minor : null);
      }}
      onBlur={(event) => {
        const read = readAmount(text, currency, locale);
        if (read.ok && text.trim() !== '') setText(formatMoneyInput(read.minor, currency, locale));
        props.onBlur?.(event);
      }}
    />
  );
}

import type { AuditEntity, AuditEntry } from '@core/api';
import { Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/apiErrors';
import { useFormatters } from '../../i18n/format';
import { fieldName, formatValue } from './describe';
import classes from './HistoryPanel.module.css';
import { AUDIT_PAGE, auditQueries } from './queries';

/**
 * A record's audit trail, newest first: when (in the user's locale), who, what happened in
 * words, and each changed field from → to (money formatted in the entry's currency).
 * Entries of the record's parts show too (an engagement's milestones, an invoice's credit
 * notes). `bare` drops the frame, for use inside a modal; `maw` matches the page's width.
 */
export function HistoryPanel({
  entity,
  entityId,
  bare = false,
  maw,
}: {
  entity: AuditEntity;
  entityId: string;
  bare?: boolean;
  maw?: number;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [limit, setLimit] = useState(AUDIT_PAGE);
  const query = useQuery(auditQueries.list(entity, entityId, limit));
  const page = query.data;

  const body = (
    <Stack gap="sm">
      {!bare && (
        <Group gap="xs">
          <IconHistory size={18} aria-hidden />
          <Title order={3} size="h4" id={titleId}>
            {t('audit.title')}
          </Title>
        </Group>
      )}
      {query.isError && !page ? (
        <Group gap="sm">
          <Text size="sm" c="red" role="alert">
            {describeError(query.error, t)}
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        </Group>
      ) : !page ? (
        <Stack gap="xs" aria-busy aria-label={t('common.loading')}>
          <Skeleton height={18} width="60%" />
          <Skeleton height={18} width="40%" />
        </Stack>
      ) : page.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audit.empty')}
        </Text>
      ) : (
        <>
          <ol className={classes.list} aria-label={t('audit.listLabel')}>
            {page.items.map((entry) => (
              <HistoryEntry key={entry.id} entry={entry} />
            ))}
          </ol>
          {page.total > page.items.length && (
            <Button
              variant="subtle"
              size="compact-sm"
              loading={query.isFetching}
              onClick={() => setLimit((n) => n + AUDIT_PAGE)}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('audit.showOlder', { count: page.total - page.items.length })}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
  if (bare) return body;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={titleId} maw={maw}>
      {body}
    </Paper>
  );
}

function HistoryEntry({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const who =
    entry.actor === 'system'
      ? t('audit.bySystem')
      : entry.actorName
        ? t('audit.byUser', { name: entry.actorName })
        : t('audit.byYou');
  return (
    <li className={classes.entry}>
      <Group gap="xs" wrap="wrap" align="baseline">
        <Text size="sm" fw={600}>
          {t(`audit.actions.${entry.action}` as never, { label: entry.label })}
        </Text>
        {entry.actor === 'system' && (
          <Badge size="xs" variant="light" color="gray">
            {t('audit.automatic')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        <time dateTime={entry.at}>{fmt.dateTime(entry.at)}</time> · {who}
      </Text>
      {entry.changes.length > 0 && (
        <dl className={classes.changes}>
          {entry.changes.map((change) => (
            <div key={change.field} className={classes.change}>
              <dt>{fieldName(change.field, t)}</dt>
              <dd>
                {change.from === null ? (
                  formatValue(entry, change, change.to, t, fmt)
                ) : change.to === null ? (
                  <>
                    <s>{formatValue(entry, change, change.from, t, fmt)}</s>{' '}
                    <Text span size="xs" c="dimmed">
                      {t('audit.removed')}
                    </Text>
                  </>
                ) : (
                  t('audit.fromTo', {
                    from: formatValue(entry, change, change.from, t, fmt),
                    to: formatValue(entry, change, change.to, t, fmt),
                  })
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

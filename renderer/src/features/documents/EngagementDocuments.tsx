import type {
  ClauseKey,
  Engagement,
  EngagementTerms,
  Locale,
  MethodInput,
  TermsClause,
} from '@core/api';
import {
  Accordion,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/apiErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useLeaveGuard } from '../../lib/useLeaveGuard';
import { LoadError } from '../billing/components/common';
import { isPercent } from '../billing/rates';
import { formatPeriod } from '../sla/format';
import { DocumentButton } from './DocumentButton';
import { DOCUMENT_LANGUAGES, useLanguageLabels } from './languages';
import { lastMonth } from './range';
import { useUpdateTerms } from './mutations';
import { documentQueries } from './queries';

const clauseId = (key: ClauseKey, language: Locale) => `${key}|${language}`;

/** Engagement › Documents: the PDFs of this engagement and the wording they print. */
export function EngagementDocuments({ engagement: e }: { engagement: Engagement }) {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(() => lastMonth());
  const terms = useQuery(documentQueries.terms(e.id));

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="eng-documents">
      <Stack gap={2} mb="md">
        <Title order={3} size="h4" id="eng-documents">
          {t('documents.engagement.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('documents.engagement.description')}
        </Text>
      </Stack>
      <Group gap="sm" align="flex-end" mb="lg">
        <DocumentButton
          request={{ kind: 'proposal', engagementId: e.id }}
          title={t('documents.titles.proposal', { name: e.title })}
        >
          {t('documents.engagement.proposal')}
        </DocumentButton>
        <DocumentButton
          request={{ kind: 'contract', engagementId: e.id }}
          title={t('documents.titles.contract', { name: e.title })}
        >
          {t('documents.engagement.contract')}
        </DocumentButton>
        <Group gap={6} align="flex-end" wrap="nowrap">
          <TextInput
            type="month"
            w={170}
            label={t('documents.engagement.slaMonth')}
            value={month}
            onChange={(event) => {
              if (/^\d{4}-\d{2}$/.test(event.currentTarget.value))
                setMonth(event.currentTarget.value);
            }}
          />
          <DocumentButton
            request={{ kind: 'sla-report', engagementId: e.id, month }}
            title={t('documents.titles.slaReport', {
              name: e.title,
              month: formatPeriod(month, i18n.language),
            })}
          >
            {t('documents.engagement.slaReport')}
          </DocumentButton>
        </Group>
      </Group>
      {terms.data ? (
        <TermsEditor key={e.id} terms={terms.data} />
      ) : terms.isError ? (
        <LoadError message={describeError(terms.error, t)} onRetry={() => void terms.refetch()} />
      ) : (
        <Stack gap="sm" aria-busy aria-label={t('common.loading')}>
          <Skeleton height={36} radius="md" />
          <Skeleton height={120} radius="md" />
        </Stack>
      )}
    </Paper>
  );
}

interface Fields {
  executiveSummary: string;
  proposalValidUntil: string;
  liabilityCapPercent: string;
  governingLaw: string;
}

function fieldsOf(terms: EngagementTerms): Fields {
  return {
    executiveSummary: terms.executiveSummary,
    proposalValidUntil: terms.proposalValidUntil ?? '',
    liabilityCapPercent: terms.liabilityCapPercent,
    governingLaw: terms.governingLaw,
  };
}

function TermsEditor({ terms }: { terms: EngagementTerms }) {
  const { t, i18n } = useTranslation();
  const languageLabels = useLanguageLabels();
  const update = useUpdateTerms();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(terms));
  /** Clause texts edited here and not saved yet, by `key|language`. */
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const saved = fieldsOf(terms);
  const byId = new Map(terms.clauses.map((c) => [clauseId(c.key, c.language), c]));

  const changedFields = (Object.keys(fields) as Array<keyof Fields>).filter(
    (key) => fields[key].trim() !== saved[key].trim(),
  );
  const changedClauses = Object.entries(drafts).filter(
    ([id, text]) => text.trim() !== (byId.get(id)?.text ?? '').trim(),
  );
  const dirty = changedFields.length > 0 || changedClauses.length > 0;
  const isDirty = useCallback(() => dirty, [dirty]);
  const guard = useLeaveGuard(isDirty);

  const capError =
    fields.liabilityCapPercent.trim() === '' || isPercent(fields.liabilityCapPercent, 1000)
      ? null
      : t('documents.terms.capError');
  const emptyClause = changedClauses.some(([, text]) => text.trim() === '');
  const hasErrors = !!capError || emptyClause;

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (!dirty || hasErrors) return;
    const patch: MethodInput<'documents.terms.update'> = { engagementId: terms.engagementId };
    for (const key of changedFields) {
      if (key === 'proposalValidUntil') patch.proposalValidUntil = fields[key] || null;
      else patch[key] = fields[key].trim();
    }
    if (changedClauses.length > 0) {
      patch.clauses = changedClauses.map(([id, text]) => {
        const [key, language] = id.split('|') as [ClauseKey, Locale];
        return { key, language, text: text.trim() };
      });
    }
    update.mutate(patch, {
      onSuccess: (next) => {
        setFields(fieldsOf(next));
        setDrafts({});
        notifySuccess(t('documents.terms.saved'));
      },
      onError: (error) => notifyError(describeError(error, t)),
    });
  };

  /** Back to the standard text at once: the services know it, and answer with it. */
  const restore = (clause: TermsClause) => {
    const id = clauseId(clause.key, clause.language);
    update.mutate(
      {
        engagementId: terms.engagementId,
        clauses: [{ key: clause.key, language: clause.language, text: null }],
      },
      {
        onSuccess: () => {
          setDrafts(({ [id]: _dropped, ...rest }) => rest);
          notifySuccess(t('documents.terms.restored', { title: clause.title }));
        },
        onError: (error) => notifyError(describeError(error, t)),
      },
    );
  };

  const set = (key: keyof Fields, value: string) => setFields((f) => ({ ...f, [key]: value }));

  return (
    <form
      onSubmit={save}
      onKeyDown={getHotkeyHandler([['mod+Enter', () => save()]])}
      aria-label={t('documents.terms.title')}
      noValidate
    >
      <Stack gap="md">
        <Title order={4} size="h5">
          {t('documents.terms.title')}
        </Title>
        <Textarea
          label={t('documents.terms.executiveSummary')}
          description={t('documents.terms.executiveSummaryHint')}
          autosize
          minRows={3}
          maxRows={12}
          value={fields.executiveSummary}
          onChange={(event) => set('executiveSummary', event.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            type="date"
            label={t('documents.terms.validUntil')}
            description={t('documents.terms.validUntilHint')}
            value={fields.proposalValidUntil}
            onChange={(event) => set('proposalValidUntil', event.currentTarget.value)}
          />
          <TextInput
            label={t('documents.terms.liabilityCap')}
            description={t('documents.terms.liabilityCapHint')}
            rightSection="%"
            inputMode="decimal"
            value={fields.liabilityCapPercent}
            error={capError}
            onChange={(event) => set('liabilityCapPercent', event.currentTarget.value)}
          />
          <TextInput
            label={t('documents.terms.governingLaw')}
            description={t('documents.terms.governingLawHint')}
            value={fields.governingLaw}
            onChange={(event) => set('governingLaw', event.currentTarget.value)}
          />
        </SimpleGrid>

        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('documents.terms.clauses')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('documents.terms.clausesHint')}
          </Text>
        </Stack>
        <Tabs defaultValue={i18n.language === 'zh-CN' ? 'zh-CN' : 'en'} keepMounted={false}>
          <Tabs.List>
            {DOCUMENT_LANGUAGES.map((language) => (
              <Tabs.Tab key={language} value={language} lang={language}>
                {languageLabels[language]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {DOCUMENT_LANGUAGES.map((language) => (
            <Tabs.Panel key={language} value={language} pt="sm">
              <Accordion variant="separated" multiple>
                {terms.clauses
                  .filter((clause) => clause.language === language)
                  .map((clause) => {
                    const id = clauseId(clause.key, clause.language);
                    const draft = drafts[id];
                    const text = draft ?? clause.text;
                    const edited = draft !== undefined && draft.trim() !== clause.text.trim();
                    return (
                      <Accordion.Item key={id} value={id}>
                        <Accordion.Control>
                          <Group gap="sm" wrap="nowrap">
                            <Text size="sm" fw={500} lang={language}>
                              {clause.title}
                            </Text>
                            {edited ? (
                              <Badge size="sm" variant="light" color="yellow">
                                {t('documents.terms.unsaved')}
                              </Badge>
                            ) : clause.standard ? (
                              <Badge size="sm" variant="light" color="gray">
                                {t('documents.terms.standard')}
                              </Badge>
                            ) : (
                              <Badge size="sm" variant="light" color="blue">
                                {t('documents.terms.custom')}
                              </Badge>
                            )}
                          </Group>
                        </Accordion.Control>
                        <Accordion.Panel>
                          <Stack gap="xs">
                            <Textarea
                              label={t('documents.terms.clauseText', { title: clause.title })}
                              lang={language}
                              autosize
                              minRows={3}
                              maxRows={16}
                              value={text}
                              error={
                                draft !== undefined && draft.trim() === ''
                                  ? t('documents.terms.clauseEmpty')
                                  : null
                              }
                              onChange={(event) => {
                                const value = event.currentTarget.value;
                                setDrafts((d) => ({ ...d, [id]: value }));
                              }}
                            />
                            <Group justify="flex-end">
                              <Button
                                size="xs"
                                variant="subtle"
                                leftSection={<IconArrowBackUp size={14} aria-hidden />}
                                disabled={clause.standard && !edited}
                                loading={update.isPending}
                                onClick={() =>
                                  clause.standard
                                    ? setDrafts(({ [id]: _dropped, ...rest }) => rest)
                                    : restore(clause)
                                }
                              >
                                {t('documents.terms.restore')}
                              </Button>
                            </Group>
                          </Stack>
                        </Accordion.Panel>
                      </Accordion.Item>
                    );
                  })}
              </Accordion>
            </Tabs.Panel>
          ))}
        </Tabs>
        <Group justify="flex-end" gap="sm">
          {dirty && (
            <Button
              variant="default"
              onClick={() => {
                setFields(fieldsOf(terms));
                setDrafts({});
              }}
            >
              {t('documents.terms.discard')}
            </Button>
          )}
          <Button type="submit" loading={update.isPending} disabled={!dirty || hasErrors}>
            {t('documents.terms.save')}
          </Button>
        </Group>
      </Stack>
      {guard.dialog}
    </form>
  );
}

import type { ClauseDraft, LibraryTemplate, PainCategory } from '@core/api';
import {
  Button,
  Card,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeSlaError } from '../format';
import { BLANK_DRAFT } from '../draft';
import { slaQueries } from '../queries';

const PAINS: PainCategory[] = [
  'slow',
  'outage',
  'recovery',
  'support',
  'data-loss',
  'errors',
  'sync',
];

/** Where a new clause starts: a library template, a suggestion for a problem, or blank. */
export function NewClauseModal({
  opened,
  onClose,
  onPick,
}: {
  opened: boolean;
  onClose: () => void;
  onPick: (draft: ClauseDraft) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const [source, setSource] = useState<'library' | 'suggest' | 'blank'>('library');
  const library = useQuery({ ...slaQueries.library(), enabled: opened });
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [category, setCategory] = useState<PainCategory | null>(null);
  const [debounced] = useDebouncedValue(text, 300);
  const suggest = useQuery({
    ...slaQueries.suggest(debounced, category),
    enabled: opened && (debounced.trim() !== '' || category !== null),
  });
  const template: LibraryTemplate | undefined = library.data?.find((x) => x.id === templateId);
  const groups = ['availability', 'latency', 'recovery', 'support', 'data'] as const;

  return (
    <Modal opened={opened} onClose={onClose} title={t('sla.new.title')} size="lg">
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('sla.new.source')}
          value={source}
          onChange={(v) => setSource(v as typeof source)}
          data={[
            { value: 'library', label: t('sla.new.library') },
            { value: 'suggest', label: t('sla.new.suggest') },
            { value: 'blank', label: t('sla.new.blank') },
          ]}
        />
        {source === 'library' && (
          <Stack gap="sm">
            {library.isError ? (
              <Text c="red" size="sm">
                {describeSlaError(library.error, t)}
              </Text>
            ) : (
              <Select
                label={t('sla.new.template')}
                placeholder={t('sla.new.templatePlaceholder')}
                searchable
                disabled={!library.data}
                data={groups.map((g) => ({
                  group: t(`sla.group.${g}`),
                  items: (library.data ?? [])
                    .filter((x) => x.group === g)
                    .map((x) => ({ value: x.id, label: x.name[lang] })),
                }))}
                value={templateId}
                onChange={setTemplateId}
              />
            )}
            {template && (
              <Card withBorder radius="md" p="sm">
                <Text size="sm">{template.description[lang]}</Text>
              </Card>
            )}
            <Group justify="flex-end">
              <Button
                disabled={!template}
                onClick={() =>
                  template && onPick({ ...template.draft, label: template.label[lang] })
                }
              >
                {t('sla.new.useTemplate')}
              </Button>
            </Group>
          </Stack>
        )}
        {source === 'suggest' && (
          <Stack gap="sm">
            <TextInput
              label={t('sla.new.problem')}
              placeholder={t('sla.new.problemPlaceholder')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Select
              label={t('sla.new.category')}
              clearable
              data={PAINS.map((p) => ({ value: p, label: t(`sla.pain.${p}`) }))}
              value={category}
              onChange={(v) => setCategory(v as PainCategory | null)}
            />
            {suggest.isFetching && <Loader size="sm" aria-label={t('common.loading')} />}
            {suggest.isError && (
              <Text c="red" size="sm">
                {describeSlaError(suggest.error, t)}
              </Text>
            )}
            {suggest.data?.suggestions.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('sla.new.noSuggestion')}
              </Text>
            )}
            {suggest.data?.suggestions.map((s, i) => (
              <Card key={`${s.ruleId}-${i}`} withBorder radius="md" p="sm">
                <Stack gap={6}>
                  <Text fw={600} size="sm">
                    {s.label[lang] || t(`sla.metric.${s.draft.metric}`)}
                  </Text>
                  <Text size="sm">{s.rationale[lang]}</Text>
                  <Text size="xs" c="dimmed">
                    {s.wording[lang]}
                  </Text>
                  <Group justify="flex-end">
                    <Button
                      size="xs"
                      onClick={() => onPick({ ...s.draft, label: s.label[lang] })}
                      aria-label={t('sla.new.useSuggestionOf', {
                        name: s.label[lang] || t(`sla.metric.${s.draft.metric}`),
                      })}
                    >
                      {t('sla.new.useSuggestion')}
                    </Button>
                  </Group>
                </Stack>
              </Card>
            ))}
          </Stack>
        )}
        {source === 'blank' && (
          <Stack gap="sm">
            <Text size="sm">{t('sla.new.blankHint')}</Text>
            <Group justify="flex-end">
              <Button onClick={() => onPick(BLANK_DRAFT)}>{t('sla.new.startBlank')}</Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

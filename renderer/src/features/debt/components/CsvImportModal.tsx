import { DebtCsvField } from '@core/api/debt';
import type { TFunction } from 'i18next';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { describeError } from '../../../i18n/apiErrors';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCsvImport } from '../mutations';

const IGNORE = '__ignore__';

const MONEY_CODES = ['INVALID', 'TOO_PRECISE', 'OUT_OF_RANGE', 'CURRENCY_MISMATCH', 'EMPTY'];

/** A row error in the UI's language: the column's name, then what is wrong with it. */
function describeCellError(error: { field: string; code: string }, t: TFunction): string {
  const field = (DebtCsvField.options as readonly string[]).includes(error.field)
    ? t(`debt.csv.field.${error.field as DebtCsvField}`)
    : t('debt.csv.error.fieldRow');
  const what =
    error.code === 'LOW_ABOVE_LIKELY'
      ? t('debt.csv.error.lowAboveLikely')
      : error.code === 'LIKELY_ABOVE_HIGH'
        ? t('debt.csv.error.likelyAboveHigh')
        : error.code === 'INVALID_JSON'
          ? t('debt.csv.error.invalidJson')
          : error.code === 'CSV_QUOTES'
            ? t('debt.csv.error.quotes')
            : error.code === 'REQUIRED'
              ? t('debt.csv.error.required')
              : MONEY_CODES.includes(error.code)
                ? t('debt.csv.error.invalidAmount')
                : t('debt.csv.error.invalidValue');
  return `${field}: ${what}`;
}

/**
 * Paste or choose a CSV -> preview with column mapping and per-row errors -> import. Rows
 * with errors are skipped only when the user ticks the box; otherwise nothing is imported.
 */
export function CsvImportModal({
  clientId,
  clientName,
  onClose,
}: {
  clientId: string;
  clientName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [csvText, setCsvText] = useState('');
  const [mapping, setMapping] = useState<Record<string, DebtCsvField> | undefined>(undefined);
  const [skip, setSkip] = useState(false);
  const preview = useMutation({
    mutationFn: (input: { csvText: string; mapping?: Record<string, DebtCsvField> }) =>
      call('debt.csv.preview', { clientId, ...input }),
    onSuccess: (result) => setMapping(result.mapping),
    onError: (error) => notifyError(describeError(error, t)),
  });
  const importCsv = useCsvImport();
  const data = preview.data;

  const runPreview = (text: string, map?: Record<string, DebtCsvField>) => {
    setSkip(false);
    preview.mutate(map ? { csvText: text, mapping: map } : { csvText: text });
  };

  const remap = (column: string, field: string | null) => {
    const next = { ...mapping };
    if (!field || field === IGNORE) delete next[column];
    else next[column] = field as DebtCsvField;
    setMapping(next);
    runPreview(csvText, next);
  };

  const canImport = !!data && data.validRows > 0 && (data.invalidRows === 0 || skip);

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('debt.csv.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('debt.csv.forClient', { client: clientName })}
        </Text>
        {!data ? (
          <>
            <Textarea
              label={t('debt.csv.paste')}
              placeholder={t('debt.csv.pastePlaceholder')}
              autosize
              minRows={6}
              maxRows={12}
              value={csvText}
              onChange={(event) => setCsvText(event.currentTarget.value)}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <FileInput
              label={t('debt.csv.file')}
              placeholder={t('debt.csv.filePlaceholder')}
              accept=".csv,text/csv"
              leftSection={<IconFileTypeCsv size={16} aria-hidden />}
              clearable
              onChange={(file) => {
                if (file) void file.text().then((text) => setCsvText(text));
              }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                disabled={!csvText.trim()}
                loading={preview.isPending}
                onClick={() => runPreview(csvText)}
              >
                {t('debt.csv.preview')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <section aria-label={t('debt.csv.mapping')}>
              <Text fw={600} size="sm" mb={6}>
                {t('debt.csv.mapping')}
              </Text>
              <SimpleGrid cols={3} spacing="xs">
                {data.columns.map((column) => (
                  <Select
                    key={column}
                    size="xs"
                    label={column}
                    aria-label={t('debt.csv.mapTo', { column })}
                    data={[
                      { value: IGNORE, label: t('debt.csv.ignore') },
                      ...data.fields.map((field) => ({
                        value: field,
                        label: t(`debt.csv.field.${field}`),
                      })),
                    ]}
                    value={mapping?.[column] ?? IGNORE}
                    allowDeselect={false}
                    onChange={(value) => remap(column, value)}
                  />
                ))}
              </SimpleGrid>
            </section>
            <Group gap="xs">
              <Badge color={data.invalidRows > 0 ? 'orange' : 'teal'} variant="light">
                {t('debt.csv.summary', { valid: data.validRows, invalid: data.invalidRows })}
              </Badge>
            </Group>
            <ScrollArea.Autosize mah={260} type="auto">
              <Table striped withTableBorder fz="sm" aria-label={t('debt.csv.rows')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>{t('debt.csv.row')}</Table.Th>
                    <Table.Th>{t('debt.csv.titleColumn')}</Table.Th>
                    <Table.Th>{t('debt.csv.result')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((row) => (
                    <Table.Tr key={row.row} data-ok={row.ok}>
                      <Table.Td className="tabular">{row.row}</Table.Td>
                      <Table.Td>{row.title}</Table.Td>
                      <Table.Td>
                        {row.ok ? (
                          <Badge size="sm" color="teal" variant="light">
                            {t('debt.csv.ok')}
                          </Badge>
                        ) : (
                          <Text size="xs" c="red">
                            {row.errors.map((e) => describeCellError(e, t)).join('; ')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
            {data.invalidRows > 0 && (
              <Alert color="orange" variant="light">
                <Stack gap="xs">
                  <Text size="sm">{t('debt.csv.skipHint')}</Text>
                  <Checkbox
                    label={t('debt.csv.skip', { count: data.invalidRows })}
                    checked={skip}
                    onChange={(event) => setSkip(event.currentTarget.checked)}
                  />
                </Stack>
              </Alert>
            )}
            <Group justify="space-between">
              <Button variant="default" onClick={() => preview.reset()}>
                {t('debt.csv.back')}
              </Button>
              <Button
                disabled={!canImport}
                loading={importCsv.isPending}
                onClick={() =>
                  importCsv.mutate(
                    { clientId, csvText, mapping: mapping ?? {}, skipInvalid: skip },
                    {
                      onSuccess: (result) => {
                        notifySuccess(
                          [
                            t('debt.csv.imported', { count: result.imported }),
                            result.skipped > 0
                              ? t('debt.csv.skipped', { count: result.skipped })
                              : '',
                          ]
                            .join(' ')
                            .trim(),
                        );
                        onClose();
                      },
                      onError: (error) => notifyError(describeError(error, t)),
                    },
                  )
                }
              >
                {t('debt.csv.importRows', { count: data.validRows })}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

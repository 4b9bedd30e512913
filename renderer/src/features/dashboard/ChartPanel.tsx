import { ActionIcon, Box, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileTypePng, IconFileTypeSvg } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import { describeError } from '../../i18n/apiErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { chartToSvg, svgToPngBase64, textToBase64 } from './exportChart';

export interface ChartPanelProps {
  title: string;
  description?: string | undefined;
  /** Suggested file name for an export, without the extension. */
  exportName: string;
  children: ReactNode;
  /** More controls in the header, before the export menu (a "View list" link…). */
  actions?: ReactNode | undefined;
  /** Height of the plot area in px (the chart inside fills it); default 280. */
  height?: number | undefined;
  /** Below the chart, inside the card and left out of an export (the bars as links…). */
  footer?: ReactNode | undefined;
}

type Format = 'png' | 'svg';

/**
 * One chart on a dashboard: a card with a heading, an optional description, the chart, and
 * an export menu that saves the chart as it is drawn (theme colours, language) as PNG or
 * SVG through main's save dialog (`charts.save`).
 */
export function ChartPanel({
  title,
  description,
  exportName,
  children,
  actions,
  height = 280,
  footer,
}: ChartPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  const save = useMutation({
    mutationFn: async (format: Format) => {
      const container = chartRef.current;
      const svg = container ? chartToSvg(container, title) : null;
      if (!svg) throw new Error('No chart to export.');
      const base64 = format === 'svg' ? textToBase64(svg.markup) : await svgToPngBase64(svg, 2);
      return call('charts.save', { name: exportName, format, base64 });
    },
  });

  const onExport = (format: Format) =>
    save.mutate(format, {
      onSuccess: (result) => {
        if (result.saved) notifySuccess(t('dashboard.export.savedTo', { path: result.path }));
      },
      onError: (error) =>
        notifyError(
          !(error instanceof ApiError)
            ? t('dashboard.export.failed')
            : error.reason === 'DOCUMENT_WRITE_FAILED'
              ? t('dashboard.export.writeFailed')
              : describeError(error, t),
        ),
    });

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby={titleId}
      data-chart-panel={exportName}
    >
      <Stack gap="xs" ref={chartRef} style={{ color: 'var(--mantine-color-text)' }}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Box miw={0}>
            <Title order={2} size="h5" id={titleId}>
              {title}
            </Title>
            {description && (
              <Text size="xs" c="dimmed">
                {description}
              </Text>
            )}
          </Box>
          <Group gap={4} wrap="nowrap" data-export-ignore>
            {actions}
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  loading={save.isPending}
                  aria-label={t('dashboard.export.label', { title })}
                >
                  <IconDownload size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  leftSection={<IconFileTypePng size={16} aria-hidden />}
                  onClick={() => onExport('png')}
                >
                  {t('dashboard.export.png')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconFileTypeSvg size={16} aria-hidden />}
                  onClick={() => onExport('svg')}
                >
                  {t('dashboard.export.svg')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
        <Box h={height} pos="relative">
          {children}
        </Box>
      </Stack>
      {footer && <Box mt="xs">{footer}</Box>}
    </Paper>
  );
}

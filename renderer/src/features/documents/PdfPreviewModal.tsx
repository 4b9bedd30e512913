import type { DocumentRequestInput, Locale } from '@core/api';
import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Group,
  Loader,
  Modal,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconArrowAutofitWidth,
  IconDeviceFloppy,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/apiErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { DOCUMENT_LANGUAGES, useLanguageLabels } from './languages';
import { useSaveDocument } from './mutations';
import { openPdf } from './pdf';
import classes from './PdfPreviewModal.module.css';
import { documentQueries } from './queries';

export interface PdfPreviewProps {
  /** What to show; null: the preview is closed. */
  request: DocumentRequestInput | null;
  /** The modal's title, e.g. "Invoice 2026-0007". */
  title: string;
  onClose: () => void;
}

const ZOOM_STEPS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2];
/** Gutter around the pages inside the scroll area, px. */
const GUTTER = 24;

/**
 * The PDF exactly as it will be saved: rendered by the services, drawn page by page by
 * pdf.js onto canvases. Save writes the same request (same language) through main's save
 * dialog.
 */
export function PdfPreviewModal({ request, title, onClose }: PdfPreviewProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={request !== null}
      onClose={onClose}
      title={title}
      size={980}
      centered
      padding="md"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      classNames={{ body: classes.modalBody }}
    >
      {request && <Preview key={JSON.stringify(request)} request={request} />}
    </Modal>
  );
}

function Preview({ request }: { request: DocumentRequestInput }) {
  const { t } = useTranslation();
  const languageLabels = useLanguageLabels();
  const [language, setLanguage] = useState<Locale | undefined>(request.language);
  const effective: DocumentRequestInput = language ? { ...request, language } : request;
  const rendered = useQuery(documentQueries.render(effective));
  const save = useSaveDocument();
  const [zoom, setZoom] = useState<'fit' | number>('fit');
  const [pageCount, setPageCount] = useState<number | null>(null);
  const [fitScale, setFitScale] = useState(1);
  /** Bumped by Retry when pdf.js could not display the document: Pages start afresh. */
  const [attempt, setAttempt] = useState(0);
  const shownLanguage = language ?? rendered.data?.language;
  const pageNavigator = useRef<((direction: 1 | -1) => void) | null>(null);

  // Anywhere in the preview: Page Up / Page Down move by a page, Ctrl/⌘ +/− zoom.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      pageNavigator.current?.(event.key === 'PageDown' ? 1 : -1);
    } else if ((event.key === '+' || event.key === '=') && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      zoomBy(1);
    } else if (event.key === '-' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      zoomBy(-1);
    }
  };

  const onSave = () => {
    const toSave = rendered.data ? { ...effective, language: rendered.data.language } : effective;
    save.mutate(toSave, {
      onSuccess: (result) => {
        if (result.saved) notifySuccess(t('documents.preview.savedTo', { path: result.path }));
      },
      onError: (error) => notifyError(describeError(error, t)),
    });
  };

  const zoomBy = (direction: 1 | -1) => {
    const current = zoom === 'fit' ? fitScale : zoom;
    const next =
      direction > 0
        ? ZOOM_STEPS.find((step) => step > current + 0.001)
        : [...ZOOM_STEPS].reverse().find((step) => step < current - 0.001);
    if (next !== undefined) setZoom(next);
  };

  return (
    <Stack gap="sm" onKeyDown={onKeyDown}>
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            aria-label={t('documents.preview.language')}
            value={shownLanguage ?? ''}
            disabled={!shownLanguage}
            onChange={(value) => setLanguage(value as Locale)}
            data={DOCUMENT_LANGUAGES.map((value) => ({ value, label: languageLabels[value] }))}
          />
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="pdf-page-count">
            {pageCount !== null ? t('documents.preview.pageCount', { count: pageCount }) : ' '}
          </Text>
        </Group>
        <Group gap="xs">
          <ZoomControls
            zoom={zoom}
            fitScale={fitScale}
            setZoom={setZoom}
            zoomBy={zoomBy}
            disabled={pageCount === null || rendered.isError}
          />
          <Button
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            onClick={onSave}
            loading={save.isPending}
            disabled={!rendered.data}
          >
            {t('documents.preview.save')}
          </Button>
        </Group>
      </Group>
      {rendered.isError ? (
        <PreviewError
          message={describeError(rendered.error, t)}
          onRetry={() => void rendered.refetch()}
        />
      ) : !rendered.data || rendered.isFetching ? (
        <Rendering />
      ) : (
        <Pages
          key={`${rendered.dataUpdatedAt}:${attempt}`}
          onRetry={() => setAttempt((n) => n + 1)}
          base64={rendered.data.base64}
          zoom={zoom}
          onPageNavigator={(navigate) => (pageNavigator.current = navigate)}
          onPageCount={setPageCount}
          onFitScale={setFitScale}
        />
      )}
    </Stack>
  );
}

type ZoomBy = (direction: 1 | -1) => void;

function ZoomControls({
  zoom,
  fitScale,
  setZoom,
  zoomBy,
  disabled,
}: {
  zoom: 'fit' | number;
  fitScale: number;
  disabled: boolean;
  setZoom: (zoom: 'fit' | number) => void;
  zoomBy: ZoomBy;
}) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(zoom === 'fit' ? fitScale : zoom);
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={t('documents.preview.zoomOut')}>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('documents.preview.zoomOut')}
          disabled={disabled}
          onClick={() => zoomBy(-1)}
        >
          <IconZoomOut size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Text
        size="sm"
        w={48}
        ta="center"
        className="tabular"
        aria-live="polite"
        c={disabled ? 'dimmed' : undefined}
      >
        {disabled ? '—' : percent}
      </Text>
      <Tooltip label={t('documents.preview.zoomIn')}>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('documents.preview.zoomIn')}
          disabled={disabled}
          onClick={() => zoomBy(1)}
        >
          <IconZoomIn size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('documents.preview.fitWidth')}>
        <ActionIcon
          variant={zoom === 'fit' ? 'light' : 'default'}
          size="lg"
          aria-label={t('documents.preview.fitWidth')}
          aria-pressed={zoom === 'fit'}
          disabled={disabled}
          onClick={() => setZoom('fit')}
        >
          <IconArrowAutofitWidth size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function Rendering({ fraction }: { fraction?: number }) {
  const { t } = useTranslation();
  return (
    <Stack className={classes.state} align="center" justify="center" gap="sm" aria-busy>
      <Loader size="sm" aria-hidden />
      <Text size="sm" c="dimmed">
        {t('documents.preview.rendering')}
      </Text>
      <Progress
        w={260}
        size="sm"
        value={fraction === undefined ? 100 : Math.round(fraction * 100)}
        striped={fraction === undefined}
        animated={fraction === undefined}
        aria-label={t('documents.preview.rendering')}
      />
    </Stack>
  );
}

function PreviewError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack className={classes.state} align="center" justify="center">
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title={t('documents.preview.errorTitle')}
        maw={520}
        role="alert"
      >
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{message}</Text>
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    </Stack>
  );
}

interface PagesProps {
  base64: string;
  zoom: 'fit' | number;
  onPageCount: (count: number) => void;
  onFitScale: (scale: number) => void;
  onRetry: () => void;
  /** Hands the preview a way to move a page up or down (Page Up / Page Down). */
  onPageNavigator: (navigate: (direction: 1 | -1) => void) => void;
}

function Pages({ base64, zoom, onPageCount, onFitScale, onRetry, onPageNavigator }: PagesProps) {
  const { t } = useTranslation();
  const { ref: sizeRef, width } = useElementSize<HTMLDivElement>();
  const scroller = useRef<HTMLDivElement | null>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [loadFraction, setLoadFraction] = useState(0);
  /** Pages drawn at the current scale (`at`); a new zoom or width starts again from 0. */
  const [progress, setProgress] = useState({ at: '', drawn: 0 });
  const [failed, setFailed] = useState(false);
  const canvases = useRef<Array<HTMLCanvasElement | null>>([]);

  // Open the document (pdf.js parses it in its worker).
  useEffect(() => {
    let alive = true;
    let destroy: (() => Promise<void>) | null = null;
    openPdf(base64, (fraction) => alive && setLoadFraction(fraction))
      .then((opened) => {
        destroy = opened.destroy;
        if (!alive) return void opened.destroy();
        setPdf(opened.pdf);
        onPageCount(opened.pdf.numPages);
      })
      .catch((error: unknown) => {
        console.warn('Engagement Desk: the PDF could not be displayed', error);
        if (alive) setFailed(true);
      });
    return () => {
      alive = false;
      void destroy?.();
    };
  }, [base64, onPageCount]);

  // Draw every page at the current zoom, sharp on HiDPI screens.
  const available = Math.max(0, width - 2 * GUTTER);
  const drawKey = `${zoom}|${available}`;
  const drawn = progress.at === drawKey ? progress.drawn : 0;
  useEffect(() => {
    if (!pdf || available <= 0) return;
    let alive = true;
    const tasks: RenderTask[] = [];
    void (async () => {
      try {
        const first = await pdf.getPage(1);
        const fit = available / first.getViewport({ scale: 1 }).width;
        if (!alive) return;
        onFitScale(fit);
        const scale = zoom === 'fit' ? fit : zoom;
        const ratio = window.devicePixelRatio || 1;
        for (let n = 1; n <= pdf.numPages && alive; n++) {
          const page = n === 1 ? first : await pdf.getPage(n);
          const canvas = canvases.current[n - 1];
          if (!canvas || !alive) return;
          const viewport = page.getViewport({ scale });
          canvas.width = Math.floor(viewport.width * ratio);
          canvas.height = Math.floor(viewport.height * ratio);
          canvas.style.width = `${Math.floor(viewport.width)}px`;
          canvas.style.height = `${Math.floor(viewport.height)}px`;
          const task = page.render({
            canvas,
            viewport,
            transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
          });
          tasks.push(task);
          await task.promise;
          if (alive) setProgress({ at: drawKey, drawn: n });
        }
      } catch (error) {
        if (!alive || (error as { name?: string }).name === 'RenderingCancelledException') return;
        console.warn('Engagement Desk: a PDF page could not be drawn', error);
        setFailed(true);
      }
    })();
    return () => {
      alive = false;
      for (const task of tasks) task.cancel();
    };
  }, [pdf, available, zoom, drawKey, onFitScale]);

  const scrollToPage = (direction: 1 | -1) => {
    const box = scroller.current;
    if (!box) return;
    const pages = canvases.current.filter((c): c is HTMLCanvasElement => c !== null);
    const top = box.scrollTop;
    const offsets = pages.map((c) => c.offsetTop - GUTTER);
    const current = offsets.findLastIndex((offset) => offset <= top + 4);
    const target = Math.min(pages.length - 1, Math.max(0, current + direction));
    box.scrollTo({ top: offsets[target] ?? 0 });
  };

  useEffect(() => {
    onPageNavigator(scrollToPage);
  });

  if (failed)
    return <PreviewError message={t('documents.preview.displayError')} onRetry={onRetry} />;

  const count = pdf?.numPages ?? 0;
  return (
    <Box ref={sizeRef} className={classes.frame}>
      {(!pdf || drawn === 0) && (
        <div className={classes.overlay}>
          <Rendering fraction={pdf ? drawn / Math.max(1, count) : loadFraction} />
        </div>
      )}
      <div
        ref={scroller}
        className={classes.scroller}
        tabIndex={0}
        role="region"
        aria-label={t('documents.preview.pagesLabel')}
        data-autofocus
        data-testid="pdf-pages"
        aria-busy={drawn < count}
      >
        {Array.from({ length: count }, (_, i) => (
          <canvas
            key={i}
            ref={(el) => {
              canvases.current[i] = el;
            }}
            className={classes.page}
            role="img"
            aria-label={t('documents.preview.pageOf', { page: i + 1, count })}
            data-testid="pdf-page"
            data-drawn={i < drawn ? 'true' : 'false'}
          />
        ))}
      </div>
    </Box>
  );
}

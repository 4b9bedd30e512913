import {
  ActionIcon,
  Button,
  Center,
  Group,
  Loader,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowsMaximize, IconChevronLeft, IconChevronRight, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { ListError } from '../../components/ListStates';
import { CumulativePanel, KpiGrid, MatrixPanel, PlanPanel } from './BusinessCaseCharts';
import { businessCaseQueries, parseStatuses, requestFullscreen } from './businessCase';
import classes from './PresentationPage.module.css';

const SLIDES = ['kpis', 'cumulative', 'matrix', 'plan'] as const;
type Slide = (typeof SLIDES)[number];

/** Keys that move between slides; Space and Enter on a focused control keep their meaning. */
const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/**
 * `#/clients/:clientId/business-case/present`: the business case full screen, without the
 * app's navigation, one idea per slide (`?slide=` 1–4 keeps the place on reload).
 */
export function PresentationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { clientId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const statuses = parseStatuses(params);
  const query = useQuery(businessCaseQueries.client(clientId, statuses));
  const data = query.data;
  const index = Math.min(Math.max(Number(params.get('slide') ?? '1') || 1, 1), SLIDES.length) - 1;
  const slide: Slide = SLIDES[index]!;
  const leaving = useRef(false);
  usePageTitle();
  const [fullscreen, setFullscreen] = useState(() => !!document.fullscreenElement);

  const go = useCallback(
    (to: number) => {
      const next = Math.min(Math.max(to, 0), SLIDES.length - 1);
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          out.set('slide', String(next + 1));
          return out;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const back = useCallback(() => {
    if (leaving.current) return;
    leaving.current = true;
    const out = new URLSearchParams(params);
    out.delete('slide');
    const search = out.toString();
    void navigate(`/clients/${clientId}/business-case${search ? `?${search}` : ''}`);
  }, [clientId, navigate, params]);

  const exit = useCallback(() => {
    // Leaving full screen also fires `fullscreenchange`; `back` runs once either way.
    if (document.fullscreenElement) void document.exitFullscreen().then(back, back);
    else back();
  }, [back]);

  // Esc in full screen is the browser's: it leaves full screen, and so the presentation.
  useEffect(() => {
    const onChange = () => {
      setFullscreen(!!document.fullscreenElement);
      if (!document.fullscreenElement) back();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [back]);

  // Leaving the route some other way (the menu, history) also leaves full screen.
  useEffect(
    () => () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    },
    [],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      const onControl = !!target?.closest('button, a, input, textarea, select, [role="menu"]');
      // Esc in an open menu closes the menu, not the presentation.
      if (event.key === 'Escape' && target?.closest('[role="menu"], [role="dialog"]')) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        exit();
      } else if (NEXT_KEYS.has(event.key) && !(event.key === ' ' && onControl)) {
        event.preventDefault();
        go(index + 1);
      } else if (PREVIOUS_KEYS.has(event.key)) {
        event.preventDefault();
        go(index - 1);
      } else if (event.key === 'Home') {
        event.preventDefault();
        go(0);
      } else if (event.key === 'End') {
        event.preventDefault();
        go(SLIDES.length - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [exit, go, index]);

  const titles: Record<Slide, string> = {
    kpis: t('businessCase.present.slides.kpis'),
    cumulative: t('businessCase.present.slides.cumulative'),
    matrix: t('businessCase.present.slides.matrix'),
    plan: t('businessCase.present.slides.plan'),
  };

  let body: ReactNode;
  if (query.isError) {
    body = (
      <ListError
        title={t('businessCase.loadError')}
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  } else if (!data) {
    body = (
      <Center h="100%">
        <Loader size="lg" aria-label={t('common.loading')} />
      </Center>
    );
  } else if (slide === 'kpis') {
    body = <KpiGrid data={data} scale="present" />;
  } else if (slide === 'cumulative') {
    body = <CumulativePanel data={data} scale="present" height={chartHeight()} />;
  } else if (slide === 'matrix') {
    body = <MatrixPanel data={data} scale="present" height={chartHeight()} interactive={false} />;
  } else {
    body = <PlanPanel data={data} scale="present" />;
  }

  return (
    <main className={classes.root} aria-label={t('businessCase.present.region')}>
      <header className={classes.header}>
        <div>
          <Text size="xl" c="dimmed" fw={500}>
            {data?.clientName ?? ' '}
          </Text>
          <Title order={1} className={classes.title}>
            {titles[slide]}
          </Title>
        </div>
        <Group gap="sm" wrap="nowrap">
          {!fullscreen && document.fullscreenEnabled && (
            <Button
              variant="default"
              size="md"
              leftSection={<IconArrowsMaximize size={18} aria-hidden />}
              onClick={requestFullscreen}
            >
              {t('businessCase.present.fullscreen')}
            </Button>
          )}
          <Button
            variant="default"
            size="md"
            leftSection={<IconX size={18} aria-hidden />}
            onClick={exit}
          >
            {t('businessCase.present.exit')}
          </Button>
        </Group>
      </header>

      <section
        className={classes.slide}
        aria-roledescription={t('businessCase.present.slide')}
        aria-label={t('businessCase.present.indicator', {
          current: index + 1,
          total: SLIDES.length,
        })}
        data-slide={slide}
      >
        {body}
      </section>

      <footer className={classes.footer}>
        <Text size="md" c="dimmed">
          {t('businessCase.present.hint')}
        </Text>
        <Group gap="md" wrap="nowrap">
          <ActionIcon
            variant="default"
            size="xl"
            onClick={() => go(index - 1)}
            disabled={index === 0}
            aria-label={t('businessCase.present.previous')}
          >
            <IconChevronLeft size={22} aria-hidden />
          </ActionIcon>
          <Group gap={8} wrap="nowrap">
            {SLIDES.map((s, i) => (
              <UnstyledButton
                key={s}
                className={classes.dot}
                data-active={i === index || undefined}
                aria-current={i === index ? 'step' : undefined}
                aria-label={t('businessCase.present.goTo', { number: i + 1, title: titles[s] })}
                onClick={() => go(i)}
              />
            ))}
          </Group>
          <Text size="lg" fw={600} className="tabular" data-testid="slide-indicator">
            {t('businessCase.present.indicator', { current: index + 1, total: SLIDES.length })}
          </Text>
          <ActionIcon
            variant="default"
            size="xl"
            onClick={() => go(index + 1)}
            disabled={index === SLIDES.length - 1}
            aria-label={t('businessCase.present.next')}
          >
            <IconChevronRight size={22} aria-hidden />
          </ActionIcon>
        </Group>
      </footer>
    </main>
  );
}

/** A slide's chart fills the screen below the title and above the footer. */
function chartHeight(): number {
  return Math.max(320, window.innerHeight - 340);
}

import { AppShell, Group, NavLink, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBriefcase,
  IconBriefcase2,
  IconCoins,
  IconFileInvoice,
  IconLayoutDashboard,
  IconLock,
  IconReceipt2,
  IconSettings,
  IconShieldCheck,
  IconUsers,
} from '@tabler/icons-react';
import { useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import classes from './Shell.module.css';
import { useAppCommands } from './useAppCommands';
import { usePageTitle } from './usePageTitle';

const NAV = [
  { to: '/', label: 'dashboard.title', icon: IconLayoutDashboard },
  { to: '/clients', label: 'nav.clients', icon: IconUsers },
  { to: '/debt', label: 'nav.debt', icon: IconReceipt2 },
  { to: '/engagements', label: 'nav.engagements', icon: IconBriefcase },
  { to: '/invoices', label: 'nav.invoices', icon: IconFileInvoice },
  { to: '/receivables', label: 'nav.receivables', icon: IconCoins },
  { to: '/service-levels', label: 'nav.serviceLevels', icon: IconShieldCheck },
  { to: '/settings', label: 'nav.settings', icon: IconSettings },
] as const;

/**
 * Whether a nav entry is the current section. A client's register and business case live
 * under /clients/:id/ but belong to "Tech debt"; the dashboard is `/` alone.
 */
function isCurrent(to: string, pathname: string): boolean {
  if (to === '/') return pathname === '/';
  const inDebt = /^\/clients\/[^/]+\/(debt|business-case)/.test(pathname);
  const under = pathname === to || pathname.startsWith(`${to}/`);
  return to === '/debt' ? inDebt || under : !inDebt && under;
}

export function Shell() {
  const { t } = useTranslation();
  const location = useLocation();
  const title = usePageTitle();
  const mainRef = useRef<HTMLElement>(null);
  useAppCommands();

  // A plain `#main` link would be taken as a route by the hash router.
  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <>
      <a href="#main-content" className={classes.skipLink} onClick={skipToContent}>
        {t('shell.skipToContent')}
      </a>
      <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: 0 }} padding={0}>
        <AppShell.Header className={classes.header}>
          <Group gap="sm" className={classes.brand} wrap="nowrap">
            <ThemeIcon
              size={32}
              radius="md"
              variant="gradient"
              gradient={{ from: 'indigo', to: 'violet', deg: 135 }}
              aria-hidden
            >
              <IconBriefcase2 size={18} />
            </ThemeIcon>
            <Text className={classes.brandName}>{t('app.name')}</Text>
          </Group>
          <Title order={1} size="h4" className={classes.pageTitle}>
            {title}
          </Title>
        </AppShell.Header>

        <AppShell.Navbar p="sm" aria-label={t('shell.navigation')}>
          <AppShell.Section grow>
            <Stack gap={4}>
              {NAV.map(({ to, label, icon: Icon }) => {
                const active = isCurrent(to, location.pathname);
                return (
                  <NavLink
                    key={to}
                    component={Link}
                    to={to}
                    label={t(label)}
                    leftSection={<Icon size={18} stroke={1.7} aria-hidden />}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    className={classes.navLink}
                  />
                );
              })}
            </Stack>
          </AppShell.Section>
          <AppShell.Section className={classes.navFooter}>
            <Group gap={8} wrap="nowrap" px="xs">
              <IconLock size={14} aria-hidden color="var(--mantine-color-dimmed)" />
              <Text size="xs" c="dimmed">
                {t('shell.offlineNote')}
              </Text>
            </Group>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1} className={classes.main}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}

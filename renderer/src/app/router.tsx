import { createHashRouter, type LoaderFunctionArgs } from 'react-router';
import { ClientsPage } from '../features/clients/pages/ClientsPage';
import { isReversed, readPracticeFilters, toInput } from '../features/dashboard/filters';
import { initialInvoiceView, invoiceListFilters, invoicePages } from '../features/billing/queries';
import { dashboardQueries } from '../features/dashboard/queries';
import { debtPages, registerFilters } from '../features/debt/queries';
import { pageQuery } from '../lib/usePagedRows';
import { useDebtFilters } from '../stores/debtFilters';
import { queryClient } from './queryClient';
import { NotFoundPage, RouteError } from './RouteError';
import { Shell } from './Shell';

/** `handle.title` is the catalog key the header shows for the deepest matching route. */
export interface RouteHandle {
  title:
    | 'dashboard.title'
    | 'nav.clients'
    | 'nav.settings'
    | 'nav.debt'
    | 'debt.workbenchTitle'
    | 'debt.portfolioTitle'
    | 'notFound.title'
    | 'businessCase.title'
    | 'nav.engagements'
    | 'nav.invoices'
    | 'nav.receivables'
    | 'nav.serviceLevels'
    | 'engagements.detailTitle'
    | 'invoices.detailTitle'
    | 'invoices.editor.newTitle'
    | 'invoices.editor.editTitle';
}

/**
 * The pages the navigation leads to. Each is its own chunk, loaded on the first visit; once
 * the app has drawn its first screen and is idle, `warmUpPages` loads them ahead in this order,
 * so following a navigation link does not wait for a chunk to download and parse
 * (docs/PERFORMANCE.md).
 */
const pages = {
  register: () => import('../features/debt/pages/RegisterPage'),
  invoices: () => import('../features/billing/pages/InvoicesPage'),
  engagements: () => import('../features/billing/pages/EngagementsPage'),
  receivables: () => import('../features/billing/pages/ReceivablesPage'),
  serviceLevels: () => import('../features/sla/pages/ServiceLevelsPage'),
  settings: () => import('../features/settings/SettingsPage'),
  // Last: the home page is usually loaded already, and its charts are the largest chunk.
  dashboard: () => import('../features/dashboard/PracticeDashboardPage'),
};

const WARM_UP_DELAY_MS = 1_000;

/**
 * Loads every page of `pages`, one per idle period, starting a second after the router has
 * its first screen: that screen's own chunks and data go first.
 */
function warmUpPages(): void {
  const queue = Object.values(pages);
  const next = () => {
    const load = queue.shift();
    if (!load) return;
    // A failed load is left to the route's own `lazy`, which shows the route's error.
    void load()
      .catch(() => undefined)
      .then(() => requestIdleCallback(next));
  };
  const start = () =>
    setTimeout(() => requestIdleCallback(next, { timeout: 2_000 }), WARM_UP_DELAY_MS);
  if (router.state.initialized) {
    start();
    return;
  }
  const unsubscribe = router.subscribe((state) => {
    if (!state.initialized) return;
    unsubscribe();
    start();
  });
}

/**
 * The dashboard's figures, asked for as soon as the navigation to it starts: route loaders
 * run in parallel with the route's `lazy` chunk, so the request no longer waits for the
 * page's code to download, parse and render first. Not awaited (the page draws its
 * skeletons meanwhile); the page's query picks the answer up. Runs again whenever the URL's
 * filters change, as the page's own query would.
 */
function prefetchDashboard({ request }: { request: Request }): null {
  const filters = readPracticeFilters(new URL(request.url).searchParams);
  if (!isReversed(filters)) {
    void queryClient.prefetchQuery(dashboardQueries.practice(toInput(filters)));
  }
  return null;
}

/**
 * The register's first page, the same way: the filters are the store's (a `?status=`
 * drill-down replaces them once the page is drawn, so the page asks for those itself).
 */
function prefetchRegister({ request, params }: LoaderFunctionArgs): null {
  if (new URL(request.url).searchParams.has('status')) return null;
  const stored = useDebtFilters.getState();
  const filters = registerFilters(params.clientId, stored.search.trim(), stored);
  void queryClient.prefetchQuery(pageQuery(debtPages(filters), 0));
  return null;
}

/** The invoice list's first page for its URL (status, dashboard drill-down), the same way. */
function prefetchInvoices({ request }: LoaderFunctionArgs): null {
  const { status, drill, sort } = initialInvoiceView(new URL(request.url).searchParams);
  const filters = invoiceListFilters('', status, drill, sort);
  void queryClient.prefetchQuery(pageQuery(invoicePages(filters), 0));
  return null;
}

// A hash router: in the app the renderer is served from `app://`, where only the hash is
// ours to change.
export const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        handle: { title: 'dashboard.title' } satisfies RouteHandle,
        loader: prefetchDashboard,
        lazy: () =>
          pages.dashboard().then((m) => ({
            Component: m.PracticeDashboardPage,
          })),
      },
      {
        path: 'clients',
        element: <ClientsPage />,
        handle: { title: 'nav.clients' } satisfies RouteHandle,
        children: [
          {
            path: 'new',
            lazy: () =>
              import('../features/clients/pages/ClientEditorRoute').then((m) => ({
                Component: m.NewClientRoute,
              })),
          },
          {
            path: ':id',
            lazy: () =>
              import('../features/clients/pages/ClientEditorRoute').then((m) => ({
                Component: m.EditClientRoute,
              })),
          },
        ],
      },
      {
        path: 'clients/:clientId/debt',
        handle: { title: 'nav.debt' } satisfies RouteHandle,
        loader: prefetchRegister,
        lazy: () =>
          pages.register().then((m) => ({
            Component: m.RegisterPage,
          })),
      },
      {
        path: 'clients/:clientId/debt/portfolio',
        handle: { title: 'debt.portfolioTitle' } satisfies RouteHandle,
        lazy: () =>
          import('../features/debt/pages/PortfolioPage').then((m) => ({
            Component: m.PortfolioPage,
          })),
      },
      {
        path: 'clients/:clientId/business-case',
        handle: { title: 'businessCase.title' } satisfies RouteHandle,
        lazy: () =>
          import('../features/dashboard/BusinessCasePage').then((m) => ({
            Component: m.BusinessCasePage,
          })),
      },
      {
        path: 'debt',
        handle: { title: 'nav.debt' } satisfies RouteHandle,
        loader: prefetchRegister,
        lazy: () =>
          pages.register().then((m) => ({
            Component: m.RegisterPage,
          })),
      },
      {
        path: 'debt/new',
        handle: { title: 'debt.workbenchTitle' } satisfies RouteHandle,
        lazy: () =>
          import('../features/debt/pages/WorkbenchPage').then((m) => ({
            Component: m.NewDebtRoute,
          })),
      },
      {
        path: 'debt/:id',
        handle: { title: 'debt.workbenchTitle' } satisfies RouteHandle,
        lazy: () =>
          import('../features/debt/pages/WorkbenchPage').then((m) => ({
            Component: m.EditDebtRoute,
          })),
      },
      {
        path: 'engagements',
        handle: { title: 'nav.engagements' } satisfies RouteHandle,
        lazy: () =>
          pages.engagements().then((m) => ({
            Component: m.EngagementsPage,
          })),
      },
      {
        path: 'engagements/:id',
        handle: { title: 'engagements.detailTitle' } satisfies RouteHandle,
        lazy: () =>
          import('../features/billing/pages/EngagementDetailPage').then((m) => ({
            Component: m.EngagementDetailPage,
          })),
      },
      {
        path: 'invoices',
        handle: { title: 'nav.invoices' } satisfies RouteHandle,
        loader: prefetchInvoices,
        lazy: () =>
          pages.invoices().then((m) => ({
            Component: m.InvoicesPage,
          })),
      },
      {
        path: 'invoices/new',
        handle: { title: 'invoices.editor.newTitle' } satisfies RouteHandle,
        lazy: () =>
          import('../features/billing/pages/InvoiceEditorPage').then((m) => ({
            Component: m.NewInvoiceRoute,
          })),
      },
      {
        path: 'invoices/:id',
        handle: { title: 'invoices.detailTitle' } satisfies RouteHandle,
        lazy: () =>
          import('../features/billing/pages/InvoiceDetailPage').then((m) => ({
            Component: m.InvoiceDetailPage,
          })),
      },
      {
        path: 'invoices/:id/edit',
        handle: { title: 'invoices.editor.editTitle' } satisfies RouteHandle,
        lazy: () =>
          import('../features/billing/pages/InvoiceEditorPage').then((m) => ({
            Component: m.EditInvoiceRoute,
          })),
      },
      {
        path: 'receivables',
        handle: { title: 'nav.receivables' } satisfies RouteHandle,
        lazy: () =>
          pages.receivables().then((m) => ({
            Component: m.ReceivablesPage,
          })),
      },
      {
        path: 'service-levels',
        handle: { title: 'nav.serviceLevels' } satisfies RouteHandle,
        lazy: () =>
          pages.serviceLevels().then((m) => ({
            Component: m.ServiceLevelsPage,
          })),
      },
      {
        path: 'settings',
        handle: { title: 'nav.settings' } satisfies RouteHandle,
        lazy: () => pages.settings().then((m) => ({ Component: m.SettingsPage })),
      },
      {
        path: '*',
        element: <NotFoundPage />,
        handle: { title: 'notFound.title' } satisfies RouteHandle,
      },
    ],
  },
  // Presentation mode: the business case full screen, outside the shell (no navigation).
  {
    path: '/clients/:clientId/business-case/present',
    errorElement: <RouteError />,
    handle: { title: 'businessCase.title' } satisfies RouteHandle,
    lazy: () =>
      import('../features/dashboard/PresentationPage').then((m) => ({
        Component: m.PresentationPage,
      })),
  },
]);

warmUpPages();

import { createHashRouter, Navigate } from 'react-router';
import { ClientsPage } from '../features/clients/pages/ClientsPage';
import { NotFoundPage, RouteError } from './RouteError';
import { Shell } from './Shell';

/** `handle.title` is the catalog key the header shows for the deepest matching route. */
export interface RouteHandle {
  title:
    | 'nav.clients'
    | 'nav.settings'
    | 'nav.debt'
    | 'debt.workbenchTitle'
    | 'debt.portfolioTitle'
    | 'notFound.title'
    | 'nav.engagements'
    | 'nav.invoices'
    | 'nav.receivables'
    | 'nav.serviceLevels'
    | 'engagements.detailTitle'
    | 'invoices.detailTitle'
    | 'invoices.editor.newTitle'
    | 'invoices.editor.editTitle';
}

// A hash router: in the app the renderer is served from `app://`, where only the hash is
// ours to change.
export const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/clients" replace /> },
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
        lazy: () =>
          import('../features/debt/pages/RegisterPage').then((m) => ({
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
        path: 'debt',
        handle: { title: 'nav.debt' } satisfies RouteHandle,
        lazy: () =>
          import('../features/debt/pages/RegisterPage').then((m) => ({
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
          import('../features/billing/pages/EngagementsPage').then((m) => ({
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
        lazy: () =>
          import('../features/billing/pages/InvoicesPage').then((m) => ({
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
          import('../features/billing/pages/ReceivablesPage').then((m) => ({
            Component: m.ReceivablesPage,
          })),
      },
      {
        path: 'service-levels',
        handle: { title: 'nav.serviceLevels' } satisfies RouteHandle,
        lazy: () =>
          import('../features/sla/pages/ServiceLevelsPage').then((m) => ({
            Component: m.ServiceLevelsPage,
          })),
      },
      {
        path: 'settings',
        handle: { title: 'nav.settings' } satisfies RouteHandle,
        lazy: () =>
          import('../features/settings/SettingsPage').then((m) => ({ Component: m.SettingsPage })),
      },
      {
        path: '*',
        element: <NotFoundPage />,
        handle: { title: 'notFound.title' } satisfies RouteHandle,
      },
    ],
  },
]);

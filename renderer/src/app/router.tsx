import { createHashRouter, Navigate } from 'react-router';
import { ClientsPage } from '../features/clients/pages/ClientsPage';
import { NotFoundPage, RouteError } from './RouteError';
import { Shell } from './Shell';

/** `handle.title` is the catalog key the header shows for the deepest matching route. */
export interface RouteHandle {
  title: 'nav.clients' | 'nav.settings' | 'notFound.title';
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

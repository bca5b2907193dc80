/**
 * The admin console's people, reference data and portal settings. The pages are loaded when first opened (their
 * forms and the time-zone list stay out of the initial bundle).
 */
import { Loader } from '@mantine/core';
import { createRoute } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import { guarded, type NavItem, shellRoute } from '../routes.tsx';

/** A page loaded on first use: a spinner until its code is here. */
function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loader aria-label="Loading the page" />}>{children}</Suspense>;
}

const People = lazy(async () => ({ default: (await import('../pages/admin-people/people-page.tsx')).PeoplePage }));
const Person = lazy(async () => ({ default: (await import('../pages/admin-people/person-page.tsx')).PersonPage }));
const Import = lazy(async () => ({ default: (await import('../pages/admin-people/import-page.tsx')).ImportPage }));
const ReferenceData = lazy(async () => ({
  default: (await import('../pages/admin-people/reference-data-page.tsx')).ReferenceDataPage,
}));
const Settings = lazy(async () => ({
  default: (await import('../pages/admin-people/settings-page.tsx')).SettingsPage,
}));

const PeoplePage = () => (
  <Loading>
    <People />
  </Loading>
);
const PersonPage = () => (
  <Loading>
    <Person />
  </Loading>
);
const ImportPage = () => (
  <Loading>
    <Import />
  </Loading>
);
const ReferenceDataPage = () => (
  <Loading>
    <ReferenceData />
  </Loading>
);
const SettingsPage = () => (
  <Loading>
    <Settings />
  </Loading>
);

/** The pages: people (list, one person, import), reference data, settings; admins only. */
export const adminPeopleRoutes = [
  createRoute({ getParentRoute: () => shellRoute, path: '/admin/people', component: guarded('admin', PeoplePage) }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/admin/people/import',
    component: guarded('admin', ImportPage),
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/admin/people/$erecno',
    component: guarded('admin', PersonPage),
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/admin/reference-data',
    component: guarded('admin', ReferenceDataPage),
  }),
  createRoute({ getParentRoute: () => shellRoute, path: '/admin/settings', component: guarded('admin', SettingsPage) }),
] as const;

/** The navigation: after the dashboard, before the other faces. */
export const adminPeopleLinks: NavItem[] = [
  { to: '/admin/people', label: 'People', face: 'admin' },
  { to: '/admin/reference-data', label: 'Reference data', face: 'admin' },
  { to: '/admin/settings', label: 'Settings', face: 'admin' },
];

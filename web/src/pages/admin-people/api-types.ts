/** The shapes the admin console's people and reference-data pages read, named from the typed client's paths. */
import type { paths } from '@lectern/zoho-lms';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** A person as the control plane shows them. */
export type Employee = Json<paths['/lectern/v1/employees/{erecno}']['get']['responses'][200]>['employee'];

/** A location. */
export type Location = Json<paths['/lectern/v1/locations']['get']['responses'][200]>['locations'][number];

/** A room, in Zoho's shape. */
export type Room = Json<paths['/api/v1/rooms']['get']['responses'][200]>['rooms'][number];

/** The portal's settings. */
export type PortalSettings = Json<paths['/lectern/v1/portal/settings']['get']['responses'][200]>;

/** One bad row of a refused import. */
export type ImportRowError = Json<paths['/lectern/v1/imports/{kind}']['post']['responses'][422]>['errors'][number];

/** What an import wrote, or would write on a dry run. */
export type ImportSummary = Json<paths['/lectern/v1/imports/{kind}']['post']['responses'][200]>;

/** The roles a person may hold, as the API names them, with their labels. */
export const roleOptions = [
  { value: 'admin', label: 'Portal admin' },
  { value: 'settingsAdmin', label: 'Settings admin' },
  { value: 'dataAdmin', label: 'Data admin' },
  { value: 'trainer', label: 'Trainer' },
] as const;

/** The control plane's request and response schemas. */
import { Type } from '@sinclair/typebox';
import { PersonSchema } from '../features/people/index.ts';

export const EmployeeSchema = Type.Composite([
  PersonSchema,
  Type.Object({
    managerErecno: Type.Union([Type.String(), Type.Null()]),
    status: Type.String(),
    roles: Type.Array(Type.String()),
  }),
]);

export const PortalSchema = Type.Object({
  portalId: Type.String(),
  name: Type.String(),
  urlName: Type.String(),
  timeZone: Type.String(),
  adminErecno: Type.String(),
});

export const NewEmployeeSchema = Type.Object({
  displayName: Type.String(),
  emailId: Type.String(),
  employeeId: Type.Optional(Type.String()),
  managerErecno: Type.Optional(Type.Union([Type.String(), Type.Number()])),
  roles: Type.Optional(Type.Array(Type.String(), { description: 'admin, settingsAdmin, dataAdmin, trainer' })),
  status: Type.Optional(Type.String({ description: 'active (default) or inactive' })),
});

/** The control plane's request and response schemas. */
import { Type } from '@sinclair/typebox';
import { PersonSchema } from '../features/people/index.ts';
import { startIndexParameter } from '../http/parameters.ts';

/** An employee as the control plane shows one: Zoho's person keys, the directory's fields, manager, status, roles. */
export const EmployeeSchema = Type.Composite([
  PersonSchema,
  Type.Object({
    firstName: Type.Union([Type.String(), Type.Null()]),
    lastName: Type.Union([Type.String(), Type.Null()]),
    departmentId: Type.Union([Type.String(), Type.Null()]),
    designationId: Type.Union([Type.String(), Type.Null()]),
    managerErecno: Type.Union([Type.String(), Type.Null()]),
    status: Type.String(),
    roles: Type.Array(Type.String()),
  }),
]);

/** A portal as the control plane shows one. */
export const PortalSchema = Type.Object({
  portalId: Type.String(),
  name: Type.String(),
  urlName: Type.String(),
  timeZone: Type.String(),
  adminErecno: Type.String(),
});

/** One employee to add, as sent. */
export const NewEmployeeSchema = Type.Object({
  displayName: Type.String(),
  emailId: Type.String(),
  employeeId: Type.Optional(Type.String()),
  managerErecno: Type.Optional(Type.Union([Type.String(), Type.Number()])),
  roles: Type.Optional(Type.Array(Type.String(), { description: 'admin, settingsAdmin, dataAdmin, trainer' })),
  status: Type.Optional(Type.String({ description: 'active (default) or inactive' })),
});

/** The querystring of listEmployees. */
export const listEmployeesQuery = Type.Object({
  startIndex: startIndexParameter,
  search: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'only the people whose name, e-mail or employee id contains this text, in any case',
    }),
  ),
});

/** The 200 answer of listEmployees. */
export const listEmployeesResponse200 = Type.Object({
  employees: Type.Array(EmployeeSchema),
  hasMoreRecords: Type.Boolean(),
});

/** The body of addEmployees. */
export const addEmployeesBody = Type.Union(
  [Type.Object({ employees: Type.Array(NewEmployeeSchema, { minItems: 1 }) }), NewEmployeeSchema],
  {
    description: 'Validated in full by the service, which names the offending field',
  },
);

/** The query of addEmployees. */
export const addEmployeesQuery = Type.Object({
  invite: Type.Optional(
    Type.Boolean({
      description:
        'true: e-mail each new person (organisation portals only) a single-use link to set their password, valid 7 days',
    }),
  ),
});

/** The 200 answer of addEmployees. */
export const addEmployeesResponse200 = Type.Object({ employees: Type.Array(EmployeeSchema) });

/** The body of createPortal. */
export const createPortalBody = Type.Optional(
  Type.Object({
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    organisation: Type.Optional(
      Type.Object(
        {
          adminName: Type.String({ maxLength: 200, description: 'the first admin: their name' }),
          adminEmail: Type.String({ maxLength: 254, description: 'the first admin: their e-mail address' }),
          timeZone: Type.Optional(Type.String({ maxLength: 64, description: 'IANA time zone (default UTC)' })),
        },
        {
          additionalProperties: false,
          description:
            "an organisation's portal instead of a demo one: no demo data, one person (this admin), whose token the " +
            'answer carries; `name` is then required',
        },
      ),
    ),
  }),
);

/** The 200 answer of createPortal. */
export const createPortalResponse200 = Type.Object({ portal: PortalSchema, token: Type.String() });

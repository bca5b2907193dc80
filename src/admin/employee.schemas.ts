/** Request and response schemas of one person's control-plane endpoints (GET, PATCH, status, photo). */
import { Type } from '@sinclair/typebox';
import { IdText, uploadBody } from '../http/parameters.ts';
import { EmployeeSchema } from './admin.schemas.ts';

/** The path of every one-person endpoint. */
export const employeeParams = Type.Object({ erecno: IdText });

/** The body of updateEmployee: only the fields to change; null clears an optional one. */
export const updateEmployeeBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    firstName: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    lastName: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    emailId: Type.Optional(Type.String({ maxLength: 200, description: 'unique in the portal, in any case' })),
    employeeId: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'unique in the portal' })),
    departmentId: Type.Optional(Type.Union([IdText, Type.Null()])),
    designationId: Type.Optional(Type.Union([IdText, Type.Null()])),
    managerErecno: Type.Optional(
      Type.Union([IdText, Type.Null()], { description: 'a person of the portal; no cycle' }),
    ),
    roles: Type.Optional(Type.Array(Type.String(), { description: 'admin, settingsAdmin, dataAdmin, trainer' })),
  },
  { description: 'Validated in full by the service, which names the offending field' },
);

/** One person as the control plane answers them. */
export const employeeResponse200 = Type.Object({ employee: EmployeeSchema });

/** The answer of deactivateEmployee and reactivateEmployee: the person, and the waitlist places given up. */
export const employeeStatusResponse200 = Type.Object({
  employee: EmployeeSchema,
  leftWaitlists: Type.Array(
    Type.Object({ courseId: Type.String(), batchId: Type.Union([Type.String(), Type.Null()]) }),
    { description: 'the waitlist places deactivation gave up (each a learner.removed.v1 event); seats are kept' },
  ),
});

/** The body of putEmployeePhoto, as documented: a multipart part `photo`; a bare image body works as well. */
export const putEmployeePhotoBody = uploadBody(
  'The photo: a png, jpeg or webp of at most 2 MiB, as the multipart part `photo` (or `file`), or as the whole body ' +
    'with Content-Type image/png, image/jpeg or image/webp. Its first bytes must match its type.',
  { photo: true },
);

/** The answer of putEmployeePhoto and deleteEmployeePhoto: where the photo (or avatar) is now served. */
export const employeePhotoResponse200 = Type.Object({
  erecno: Type.String(),
  displayPictureURL: Type.String({ description: 'changes at every upload and removal' }),
  hasPhoto: Type.Boolean(),
});

/** The query of getEmployeePhoto. */
export const employeePhotoQuery = Type.Object({
  key: Type.Optional(
    Type.String({ maxLength: 64, description: "the uploaded photo's key from displayPictureURL; else the avatar" }),
  ),
});

/** The 200 answer of getEmployeePhoto, for the OpenAPI document only. */
export const employeePhotoResponse = {
  description: 'The uploaded photo (png, jpeg or webp) when the key is its key, else an SVG avatar of the initials',
  content: {
    'image/png': { schema: Type.String({ format: 'binary' }) },
    'image/jpeg': { schema: Type.String({ format: 'binary' }) },
    'image/webp': { schema: Type.String({ format: 'binary' }) },
    'image/svg+xml': { schema: Type.String() },
  },
};

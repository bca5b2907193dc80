import type { FastifyInstance } from 'fastify';
import { parseBoolean } from '../booleans.ts';
import type { AppContext } from '../context.ts';
import { createControlledPortal } from '../control-room/portals.service.ts';
import { invalidInput, missingInput } from '../errors.ts';
import { isPasswordPortal, issuePasswordLink } from '../features/accounts/index.ts';
import { addEmployees, listEmployees } from '../features/people/index.ts';
import { errorResponses } from '../http/envelope.ts';
import { readStartIndex } from '../http/input.ts';
import { publicBase } from '../http/public-base.ts';
import {
  addEmployeesBody,
  addEmployeesQuery,
  addEmployeesResponse200,
  createPortalBody,
  createPortalResponse200,
  listEmployeesQuery,
  listEmployeesResponse200,
} from './admin.schemas.ts';
import { presentEmployee } from './employee.presenter.ts';
import { registerEmployeeRoutes } from './employee.routes.ts';
import { registerTokenRoutes } from './token.routes.ts';

/** Employees are listed 200 at a time: a whole demo portal fits one page. */
const employeePage = 200;

/**
 * Registers /lectern/v1/employees (one person's endpoints in employee.routes.ts), /lectern/v1/tokens (token.routes.ts)
 * and /lectern/v1/portals.
 */
export function registerAdminRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/lectern/v1/employees',
    {
      config: { scope: 'READ', access: 'admin' },
      schema: {
        operationId: 'listEmployees',
        tags: ['lectern'],
        querystring: listEmployeesQuery,
        response: {
          200: listEmployeesResponse200,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { search } = request.query as { search?: string };
      const rows = await listEmployees(
        context.db,
        request.caller.portalId,
        readStartIndex(request),
        employeePage + 1,
        search?.trim(),
      );
      const hasMoreRecords = rows.length > employeePage;
      const items = rows.slice(0, employeePage);
      return {
        employees: items.map((row) => presentEmployee(row, publicBase(request, context.config))),
        hasMoreRecords,
      };
    },
  );

  app.post(
    '/lectern/v1/employees',
    {
      config: { scope: 'CREATE', access: 'admin' },
      schema: {
        operationId: 'addEmployees',
        tags: ['lectern'],
        description: 'Adds people to the portal: {"employees":[...]} or one person as the body.',
        querystring: addEmployeesQuery,
        body: addEmployeesBody,
        response: { 200: addEmployeesResponse200, ...errorResponses },
      },
      // The service validates every field and names it; the schema above documents the shapes.
      attachValidation: true,
    },
    async (request) => {
      const body = request.body as { employees?: unknown } | null;
      if (body === null || typeof body !== 'object') throw missingInput('employees');
      const inputs = 'employees' in body ? body.employees : [body];
      // Read here: the route attaches validation errors for the service to name, so the schema does not refuse it.
      const invite = parseBoolean((request.query as { invite?: unknown }).invite, 'invite');
      const portalId = request.caller.portalId;
      // Checked before anything is written: a demo portal has no passwords to set.
      if (invite === true && !(await isPasswordPortal(context, portalId))) {
        throw invalidInput('invite', 'demo portals sign in with the person picker and have no passwords');
      }
      const rows = await addEmployees(context, portalId, inputs);
      if (invite === true) {
        const base = publicBase(request, context.config);
        for (const row of rows) {
          await issuePasswordLink(context, portalId, row.erecno, { kind: 'invite', base, send: true });
        }
      }
      return { employees: rows.map((row) => presentEmployee(row, publicBase(request, context.config))) };
    },
  );

  registerEmployeeRoutes(app, context);
  registerTokenRoutes(app, context);

  app.post(
    '/lectern/v1/portals',
    {
      config: { scope: 'CREATE', access: 'operator' },
      // Fastify checks an absent body against the schema too (and refuses it); no body means no options.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        operationId: 'createPortal',
        tags: ['lectern'],
        body: createPortalBody,
        response: { 200: createPortalResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const created = await createControlledPortal(
        context,
        request.body as Parameters<typeof createControlledPortal>[1],
      );
      return {
        portal: {
          portalId: created.portal.id,
          name: created.portal.name,
          urlName: created.portal.url_name,
          timeZone: created.portal.time_zone,
          adminErecno: created.adminErecno,
        },
        token: created.token,
      };
    },
  );
}

/** The OpenAPI document's frame; the routes' own declarations fill it (openapi-operations.ts, openapi-document.ts). */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { scopeNames } from '../access/index.ts';
import { finishDocument } from './openapi-document.ts';
import { describeOperation, securitySchemeNames } from './openapi-operations.ts';

const scopeDescriptions: Record<string, string> = {
  'ZOHOPEOPLE.training.ALL': 'Every LMS operation (covers the four below)',
  'ZOHOPEOPLE.training.READ': 'Read LMS data',
  'ZOHOPEOPLE.training.CREATE': 'Create LMS data and run actions (publish, enrol, mark)',
  'ZOHOPEOPLE.training.UPDATE': 'Change LMS data',
  'ZOHOPEOPLE.training.DELETE': 'Delete LMS data',
  'ZOHOPEOPLE.forms.ALL': 'Every forms operation on the directory (covers the three below)',
  'ZOHOPEOPLE.forms.READ': 'Read the directory forms and views (employees, departments, designations)',
  'ZOHOPEOPLE.forms.CREATE': 'Add employees through the forms API',
  'ZOHOPEOPLE.forms.UPDATE': 'Change employees through the forms API',
  'ZOHOPEOPLE.employee.ALL': 'Employee operations: admits every directory forms route',
};

/** Options for @fastify/swagger: OpenAPI 3.1 (TypeBox's JSON Schema as it is), Zoho's OAuth 2 and token header. */
export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Lectern',
      description:
        "An open learning-management server whose `/api/v1` API is wire-compatible with Zoho People's LMS API. " +
        "`/lectern/v1` holds Lectern's own additions and control plane. Data objects such as `courseData` may be " +
        'sent as JSON in the query parameter of that name, as a form field, or as the JSON body (wrapping the ' +
        'object under its name, or being the object).',
      version: '0.1.0',
    },
    components: {
      securitySchemes: {
        [securitySchemeNames.oauth]: {
          type: 'oauth2',
          description:
            "Zoho Accounts' OAuth 2. The access token is sent as `Authorization: Zoho-oauthtoken <token>`; " +
            'Lectern also issues tokens itself (`lectern token create`, `POST /lectern/v1/tokens`).',
          flows: {
            authorizationCode: {
              authorizationUrl: '/oauth/v2/auth',
              tokenUrl: '/oauth/v2/token',
              refreshUrl: '/oauth/v2/token',
              scopes: Object.fromEntries(scopeNames.map((name) => [name, scopeDescriptions[name] ?? name])),
            },
          },
        },
        [securitySchemeNames.token]: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description:
            '`Zoho-oauthtoken <token>`. The scopes an operation lists for this scheme are those the token must carry.',
        },
      },
    },
  },
  transform: describeOperation,
  transformObject: finishDocument,
  refResolver: {
    buildLocalReference: (json, _baseUri, _fragment, index) => (json.$id as string | undefined) ?? `def-${index}`,
  },
};

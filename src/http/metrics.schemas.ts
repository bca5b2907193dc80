/** How /metrics is documented. */
import { Type } from '@sinclair/typebox';

/** The schema of GET /metrics: Prometheus text, behind its own bearer token rather than a Zoho token. */
export const metricsDocumentation = {
  operationId: 'getMetrics',
  tags: ['operations'],
  description:
    'Prometheus metrics (text format 0.0.4). Off unless LECTERN_METRICS_TOKEN is set; send it as `Authorization: Bearer <token>`.',
  security: [],
  response: { 200: Type.String({ description: 'Prometheus text exposition format' }) },
};

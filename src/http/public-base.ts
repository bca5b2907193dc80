/** The base URL of links Lectern hands out. */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

/** LECTERN_PUBLIC_URL when set, else the scheme and host the request came to (so links work behind any port). */
export function publicBase(request: FastifyRequest, config: Config): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}

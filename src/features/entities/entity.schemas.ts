/** The entity list's request schemas. */
import { Type } from '@sinclair/typebox';
import { startIndexParameter } from '../../http/parameters.ts';

export const listQuery = Type.Object({ startIndex: startIndexParameter });

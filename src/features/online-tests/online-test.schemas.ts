/** The online test API's request and response schemas. */
import { Type } from '@sinclair/typebox';

/** The path parameters of previewOnlineTest. */
export const previewOnlineTestParams = Type.Object({ onlineTestId: Type.String() });

/** The 200 answer of previewOnlineTest. */
export const previewOnlineTestResponse200 = Type.String({ description: 'An HTML page, text/html' });

/** The category API's request and response schemas. */
import { Type } from '@sinclair/typebox';

/** A category as listed (provisional shape: Zoho's page shows no sample). */
export const CategorySchema = Type.Object({ categoryId: Type.String(), name: Type.String() });

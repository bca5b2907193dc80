/** The category API's request and response schemas. */
import { Type } from '@sinclair/typebox';
import { startIndexParameter } from '../../http/parameters.ts';

/** A category as listed (provisional shape: Zoho's page shows no sample). */
export const CategorySchema = Type.Object({ categoryId: Type.String(), name: Type.String() });

/** The querystring of listCategories. */
export const listCategoriesQuery = Type.Object({ startIndex: startIndexParameter });

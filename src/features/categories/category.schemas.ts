/** The category API's request and response schemas. */
import { Type } from '@sinclair/typebox';
import { successEnvelope } from '../../http/envelope.ts';
import { startIndexParameter } from '../../http/parameters.ts';

/** A category as listed (provisional shape: Zoho's page shows no sample). */
export const CategorySchema = Type.Object({ categoryId: Type.String(), name: Type.String() });

/** The querystring of listCategories. */
export const listCategoriesQuery = Type.Object({ startIndex: startIndexParameter });

/** Longest category name. */
export const categoryNameLimit = 100;

/** The body of the category and grade category writes (/lectern/v1): `name`, mandatory on create. */
export const CategoryBody = Type.Object(
  { name: Type.Optional(Type.String({ maxLength: categoryNameLimit, description: '1 to 100 characters' })) },
  { additionalProperties: false },
);

/** A grade category as listed: the keys Fetch Settings shows. */
export const GradeCategorySchema = Type.Object({ gradeCategoryId: Type.String(), name: Type.String() });

/** The path of one course category under /lectern/v1. */
export const CategoryParams = Type.Object({ categoryId: Type.String() });

/** The path of one grade category under /lectern/v1. */
export const GradeCategoryParams = Type.Object({ gradeCategoryId: Type.String() });

/** `{"code":"200","category":{...},"message":"success"}`. */
export const CategoryEnvelope = successEnvelope('category', CategorySchema);

/** `{"code":"200","gradeCategory":{...},"message":"success"}`. */
export const GradeCategoryEnvelope = successEnvelope('gradeCategory', GradeCategorySchema);

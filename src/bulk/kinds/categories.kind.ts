/** Course and grade categories: upserted by id, or by kind and name when the id column is empty. */
import { type BulkKind, oneOf, optionalId, rowSchema, text } from '../kind.schemas.ts';

/** The categories kind. */
export const categoriesKind: BulkKind = {
  name: 'categories',
  table: 'categories',
  row: rowSchema({ categoryId: optionalId(), name: text(200), kind: oneOf('course', 'grade') }),
  id: { field: 'categoryId', column: 'id' },
  naturalKey: ['kind', 'name'],
  references: [],
  orderBy: ['id'],
  toTable: (row) => ({ name: row.name, kind: row.kind }),
  fromTable: (row) => ({ categoryId: row.id, name: row.name, kind: row.kind }),
};

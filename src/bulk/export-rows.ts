/** Exporting a portal's rows of one kind as CSV or JSON text, a page at a time (never the whole table in memory). */
import type { AppContext } from '../context.ts';
import { pageOfRows } from './bulk.repository.ts';
import { type FileFormat, writeRows } from './file-format.ts';
import type { BulkKind } from './kind.schemas.ts';

/** Rows read per query while exporting. */
const exportPage = 5_000;

/** The file's text in pieces (header first): write each to a stream or join them. */
export async function* exportRows(
  context: AppContext,
  portalId: string,
  kind: BulkKind,
  format: FileFormat,
): AsyncGenerator<string> {
  let offset = 0;
  let after: string | null = null;
  const byId = kind.id !== undefined && kind.orderBy.length === 1;
  for (;;) {
    const from = byId ? { after } : { offset };
    const rows = await pageOfRows(context.db, kind.table, portalId, kind.orderBy, from, exportPage);
    if (byId && rows.length > 0) after = String(rows[rows.length - 1]![kind.orderBy[0]!]);
    const last = rows.length < exportPage;
    yield writeRows(kind, format, rows.map(kind.fromTable), { first: offset === 0, last, written: offset });
    if (last) return;
    offset += rows.length;
  }
}

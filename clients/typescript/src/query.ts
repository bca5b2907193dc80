/** Query strings as Zoho's LMS reads them: data objects (courseData, batchData, ...) as JSON text. */

/** Serialises a query object: scalars as they are, arrays and objects as JSON. */
export function zohoQuerySerializer(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    search.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return search.toString();
}

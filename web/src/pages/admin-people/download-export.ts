/** Downloads an export (GET /lectern/v1/exports/{kind}): the call needs the token, so a plain link cannot do it. */
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';

/** Fetches `<kind>.csv` and hands it to the browser as a download. */
export async function downloadExport(kind: 'people'): Promise<void> {
  const file = resultOf(
    await api.GET('/lectern/v1/exports/{kind}', {
      params: { path: { kind }, query: { format: 'csv' } },
      parseAs: 'blob',
    }),
  ) as unknown as Blob;
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${kind}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the next task may let the URL go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

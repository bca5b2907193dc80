/** Zoho's boolean parameters: true or false in any case, or a JSON boolean. */
import { invalidInput, quote } from './errors.ts';

/** A boolean parameter (`notifyApplicableUsers`, `operator`): undefined when absent or empty, else 400 naming it. */
export function parseBoolean(value: unknown, parameter: string): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lowered = value.trim().toLowerCase();
    if (lowered === 'true') return true;
    if (lowered === 'false') return false;
  }
  throw invalidInput(parameter, `must be true or false, got ${quote(value)}`);
}

/** A searchable picker of the IANA time zones the browser knows (`Intl.supportedValuesOf('timeZone')`). */
import { Select } from '@mantine/core';

let zones: string[] | undefined;

/** Every IANA zone, UTC included (some engines list only the geographic ones). */
function timeZones(): string[] {
  zones ??= (() => {
    const known = Intl.supportedValuesOf('timeZone');
    return known.includes('UTC') ? known : ['UTC', ...known];
  })();
  return zones;
}

/** The picker; `value` null is "no zone" (only offered when `emptyLabel` names what that means). */
export function TimeZoneSelect({
  label,
  value,
  error,
  emptyLabel,
  required,
  onChange,
}: {
  label: string;
  value: string | null;
  error?: string | undefined;
  /** Offered as clearing the field, e.g. "The portal's time zone". */
  emptyLabel?: string;
  required?: boolean;
  onChange: (zone: string | null) => void;
}) {
  const data = timeZones();
  // A stored zone the browser does not list (an alias) is still shown as it is.
  const options = value !== null && !data.includes(value) ? [value, ...data] : data;
  return (
    <Select
      label={label}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable={emptyLabel !== undefined}
      clearButtonProps={{ 'aria-label': `Clear ${label}` }}
      placeholder={emptyLabel}
      required={required}
      nothingFoundMessage="No such time zone"
      limit={50}
      error={error}
    />
  );
}

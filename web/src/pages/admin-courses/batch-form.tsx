/** A batch's fields as the Batch API takes them: name, dates, capacity, waitlisting. */
import { Checkbox, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { FormButtons, RangeFields, useForm } from '../form-fields.tsx';
import { FormError } from '../use-submit.tsx';
import { zohoFromIso } from './formats.ts';

/** What the batch form edits; dates as YYYY-MM-DD. */
export interface BatchFields {
  name: string;
  startDate: string;
  endDate: string;
  minimumCapacity: number;
  maximumCapacity: number;
  allowWaitlisting: boolean;
}

/** batchData for the API. */
export function batchDataOf(fields: BatchFields) {
  return {
    name: fields.name.trim(),
    startDate: zohoFromIso(fields.startDate),
    endDate: zohoFromIso(fields.endDate),
    minimumCapacity: fields.minimumCapacity,
    maximumCapacity: fields.maximumCapacity,
    allowWaitlisting: fields.allowWaitlisting,
  };
}

/** The batch form; `onSave` does the call and throws what the API refused, which shows at the field it names. */
export function BatchForm({
  initial,
  submitLabel,
  onSave,
  onCancel,
}: {
  initial: BatchFields;
  submitLabel: string;
  onSave: (fields: BatchFields) => Promise<void>;
  onCancel?: () => void;
}) {
  const form = useForm(initial, 'batchData.');
  const { values, set, text, errors } = form;
  return (
    <form onSubmit={form.handle(() => onSave(values))}>
      <Stack maw={640}>
        <FormError message={form.formError} />
        <TextInput label="Batch name" required maxLength={250} {...text('name')} />
        <RangeFields
          type="date"
          from={{ label: 'Start date', ...text('startDate') }}
          to={{ label: 'End date', ...text('endDate') }}
        />
        <Group grow align="flex-start">
          <NumberInput
            label="Minimum learners"
            min={0}
            allowDecimal={false}
            value={values.minimumCapacity}
            error={errors.minimumCapacity}
            onChange={(value) => set('minimumCapacity', typeof value === 'number' ? value : 0)}
          />
          <NumberInput
            label="Maximum learners"
            min={1}
            allowDecimal={false}
            value={values.maximumCapacity}
            error={errors.maximumCapacity}
            onChange={(value) => set('maximumCapacity', typeof value === 'number' ? value : 1)}
          />
        </Group>
        <Checkbox
          label="Allow a waitlist when the batch is full"
          checked={values.allowWaitlisting}
          error={errors.allowWaitlisting}
          onChange={(e) => set('allowWaitlisting', e.currentTarget.checked)}
        />
        <FormButtons submitLabel={submitLabel} busy={form.busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

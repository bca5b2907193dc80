/** Editing one item of a module: its title, mandatory flag and its own field (address, text, or a new file). */
import { Checkbox, FileInput, Stack, Textarea, TextInput } from '@mantine/core';
import { FormButtons, useForm } from '../form-fields.tsx';
import { FormError } from '../use-submit.tsx';
import { dataPrefix } from './item-add-form.tsx';
import type { ModuleParent } from './module-api.ts';
import { type ModuleItem, updateItem } from './module-item-api.ts';

/** The edit form; `onSaved` closes the dialog and refreshes the list. */
export function ItemEditForm({
  parent,
  moduleId,
  item,
  onSaved,
  onCancel,
}: {
  parent: ModuleParent;
  moduleId: string;
  item: ModuleItem;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const form = useForm(
    {
      name: item.name,
      embedURL: item.kind === 'link' ? item.detail : '',
      content: item.kind === 'content' ? item.detail : '',
      isMandatory: item.mandatory,
      file: null as File | null,
    },
    dataPrefix[item.kind],
  );
  const { values, set, text, errors } = form;
  const submit = form.handle(async () => {
    await updateItem(parent, moduleId, item, values);
    await onSaved();
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <FormError message={form.formError} />
        <TextInput label="Title" required {...text('name')} />
        {item.kind === 'link' && <TextInput label="Address (URL)" type="url" required {...text('embedURL')} />}
        {item.kind === 'file' && (
          <FileInput
            label="Replace the file"
            description={`Now: ${item.detail}. Leave empty to keep it.`}
            clearable
            value={values.file}
            error={errors.file}
            onChange={(file) => set('file', file)}
          />
        )}
        {item.kind === 'content' && <Textarea label="Text" autosize minRows={3} {...text('content')} />}
        <Checkbox
          label="Mandatory (learners must complete it)"
          checked={values.isMandatory}
          onChange={(e) => set('isMandatory', e.currentTarget.checked)}
        />
        <FormButtons submitLabel="Save changes" busy={form.busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

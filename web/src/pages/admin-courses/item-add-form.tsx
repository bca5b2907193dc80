/** The form that adds a link, file or e-material to a module, mandatory by default. */
import { Checkbox, FileInput, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormButtons, useForm } from '../form-fields.tsx';
import { FormError } from '../use-submit.tsx';
import { createContent, createLink, type ModuleParent, uploadFile } from './module-api.ts';
import type { ItemKind } from './module-item-api.ts';

/** The API's names of each kind's data object, so a refusal shows at its field. */
export const dataPrefix: Record<ItemKind, string> = { link: 'linkData.', file: 'fileData.', content: 'contentData.' };

const blank = { name: '', embedURL: '', content: '', isMandatory: true };

/** The add form; `onAdded` refreshes the lists. */
export function ItemAddForm({
  parent,
  moduleId,
  moduleName,
  onAdded,
}: {
  parent: ModuleParent;
  moduleId: string;
  moduleName: string;
  onAdded: () => Promise<void>;
}) {
  const [kind, setKind] = useState<ItemKind>('link');
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label="What to add"
        value={kind}
        onChange={(value) => setKind(value as ItemKind)}
        data={[
          { value: 'link', label: 'Link' },
          { value: 'file', label: 'File' },
          { value: 'content', label: 'E-material' },
        ]}
      />
      {/* A form per kind: a refusal is placed under that kind's own names. */}
      <KindForm key={kind} kind={kind} parent={parent} moduleId={moduleId} moduleName={moduleName} onAdded={onAdded} />
    </Stack>
  );
}

function KindForm({
  kind,
  parent,
  moduleId,
  moduleName,
  onAdded,
}: {
  kind: ItemKind;
  parent: ModuleParent;
  moduleId: string;
  moduleName: string;
  onAdded: () => Promise<void>;
}) {
  const form = useForm({ ...blank, file: null as File | null }, dataPrefix[kind]);
  const { values, set, text, errors } = form;
  const submit = form.handle(async () => {
    const common = { name: values.name.trim(), isMandatory: values.isMandatory };
    if (kind === 'link') await createLink(parent, moduleId, { ...common, embedURL: values.embedURL.trim() });
    else if (kind === 'content') await createContent(parent, moduleId, { ...common, content: values.content });
    else if (values.file === null) throw new Error('Choose a file to upload');
    else await uploadFile(parent, moduleId, common, values.file);
    set('name', '');
    set('embedURL', '');
    set('content', '');
    set('file', null);
    await onAdded();
  });
  return (
    <form onSubmit={submit} aria-label={`Add to ${moduleName}`}>
      <Stack gap="xs">
        <FormError message={form.formError} />
        <TextInput label="Title" required {...text('name')} />
        {kind === 'link' && (
          <TextInput label="Address (URL)" type="url" required placeholder="https://" {...text('embedURL')} />
        )}
        {kind === 'file' && (
          <FileInput
            label="File"
            required
            clearable
            value={values.file}
            error={errors.file}
            onChange={(file) => set('file', file)}
          />
        )}
        {kind === 'content' && <Textarea label="Text" autosize minRows={3} {...text('content')} />}
        <Checkbox
          label="Mandatory (learners must complete it)"
          checked={values.isMandatory}
          onChange={(e) => set('isMandatory', e.currentTarget.checked)}
        />
        <FormButtons submitLabel="Add to module" busy={form.busy} />
      </Stack>
    </form>
  );
}

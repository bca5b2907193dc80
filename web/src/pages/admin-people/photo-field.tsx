/** A person's photo: shown (or their avatar), uploaded (png, jpeg or webp, at most 2 MiB) and removed. */
import { Alert, Avatar, Button, FileInput, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import { useAction } from '../use-action.ts';
import type { Employee } from './api-types.ts';

const maxPhotoBytes = 2 * 1024 * 1024;

/** The photo and its two actions; `onChanged` is told the new URL so the page shows it. */
export function PhotoField({ person, onChanged }: { person: Employee; onChanged: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const action = useAction();
  const { error, busy } = action;
  // The API's URL carries the photo's key only when one was uploaded; without it the URL serves the avatar.
  const hasPhoto = new URL(person.displayPictureURL, location.origin).searchParams.has('key');
  const params = { path: { erecno: person.erecno } };

  const run = async (call: () => Promise<unknown>) => {
    if (!(await action.run(call))) return;
    setFile(null);
    onChanged();
  };

  const upload = () =>
    run(async () => {
      if (file === null) throw new Error('Choose a photo first.');
      if (file.size > maxPhotoBytes) throw new Error('The photo is larger than 2 MiB.');
      const form = new FormData();
      form.append('photo', file);
      resultOf(
        await api.PUT('/lectern/v1/employees/{erecno}/photo', {
          params,
          body: { photo: '' },
          bodySerializer: () => form,
        }),
      );
    });
  const remove = () => run(async () => resultOf(await api.DELETE('/lectern/v1/employees/{erecno}/photo', { params })));

  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <Avatar src={person.displayPictureURL} alt={`Photo of ${person.displayName}`} size={96} radius="md" />
        <FileInput
          label="New photo"
          description="png, jpeg or webp, at most 2 MiB"
          accept="image/png,image/jpeg,image/webp"
          clearable
          clearButtonProps={{ 'aria-label': 'Clear the chosen photo' }}
          value={file}
          onChange={setFile}
          style={{ flex: 1, minWidth: 180 }}
        />
      </Group>
      <Group>
        <Button onClick={upload} loading={busy} disabled={file === null}>
          Upload photo
        </Button>
        {hasPhoto && (
          <Button variant="default" onClick={remove} loading={busy}>
            Remove photo
          </Button>
        )}
      </Group>
      {error !== undefined && (
        <Alert color="red" title="Photo not changed" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

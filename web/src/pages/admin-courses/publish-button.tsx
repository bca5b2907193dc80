/** Publish a course or a batch; a refusal is shown as the rule in plain words and what to do about it. */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { publishAdvice } from './api-result.ts';

/** The publish button with its outcome; `publish` does the call and throws ApiError when refused. */
export function PublishButton({
  where,
  published,
  publish,
}: {
  where: 'course' | 'batch';
  published: boolean;
  publish: () => Promise<void>;
}) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: publish,
    onSuccess: () => queryClient.invalidateQueries(),
  });
  if (published) return <Text data-testid={`${where}-published`}>This {where} is published.</Text>;
  const advice = mutation.isError ? publishAdvice(mutation.error, where) : null;
  return (
    <Stack gap="xs" maw={640}>
      <div>
        <Button onClick={() => mutation.mutate()} loading={mutation.isPending}>
          Publish {where}
        </Button>
      </div>
      {advice !== null && (
        <Alert
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          color="orange"
          title={advice.title}
          role="alert"
        >
          {advice.advice}
        </Alert>
      )}
    </Stack>
  );
}

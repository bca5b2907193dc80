/** Signing in: the start page (off to the consent page, the demo's person picker) and the redirect's landing. */
import { Alert, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { homeOf } from '../roles.ts';
import { finishSignIn, startSignIn } from '../session.ts';

/** The sign-in page. */
export function SignIn() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const portalId = new URLSearchParams(location.search).get('portal') ?? undefined;
  const onSignIn = () => {
    setBusy(true);
    startSignIn(portalId).catch((reason: Error) => {
      setError(reason.message);
      setBusy(false);
    });
  };
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" maw={420} w="100%">
        <Stack>
          <Title order={1}>Lectern</Title>
          <Text>
            Courses, sessions and learning. Sign in with your portal account; in a demo portal, pick a person.
          </Text>
          {error !== null && (
            <Alert color="red" title="Sign-in failed">
              {error}
            </Alert>
          )}
          <Button onClick={onSignIn} loading={busy}>
            Sign in
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

/** Where the consent page sends the browser back with a code. */
export function SignedIn() {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    // Once: a code trades only once, and StrictMode runs effects twice in development.
    if (started.current) return;
    started.current = true;
    finishSignIn(new URLSearchParams(location.search))
      .then((session) => navigate({ to: homeOf(session.person), replace: true }))
      .catch((reason: Error) => setError(reason.message));
  }, [navigate]);
  return (
    <Center mih="100vh" p="md" component="main">
      {error === null ? (
        <Loader aria-label="Signing in" />
      ) : (
        <Stack maw={420}>
          <Title order={1}>Sign-in failed</Title>
          <Alert color="red">{error}</Alert>
          <Button onClick={() => navigate({ to: '/sign-in' })}>Try again</Button>
        </Stack>
      )}
    </Center>
  );
}

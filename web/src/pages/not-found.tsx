/** The pages that say no: an unknown address, and a face the person's roles do not open. */
import { Anchor, Container, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';

/** 404: no such page. */
export function NotFound() {
  return (
    <Container size="sm" py="xl" component="main">
      <Title order={1}>Page not found</Title>
      <Text my="md">There is no page at this address.</Text>
      <Anchor component={Link} to="/">
        Go to your start page
      </Anchor>
    </Container>
  );
}

/** A page for a role the person does not hold (the API would refuse its calls too). */
export function Forbidden() {
  return (
    <Container size="sm" py="xl">
      <Title order={1}>Not allowed</Title>
      <Text my="md">Your role does not open this page. Ask a portal admin if you need it.</Text>
      <Anchor component={Link} to="/">
        Go to your start page
      </Anchor>
    </Container>
  );
}

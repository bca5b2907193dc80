/** The signed-in frame: header (portal, person, role, theme, sign-out), navigation by role, the page. */
import {
  ActionIcon,
  AppShell,
  Burger,
  Button,
  Group,
  NavLink,
  Text,
  Title,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useNavigate, useRouter, useRouterState } from '@tanstack/react-router';
import { type AppContext, facesOf, roleLabel } from './roles.ts';
import { currentSession, signOut } from './session.ts';
import './shell.css';

function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <ActionIcon variant="default" size="lg" aria-label={`Switch to ${next} theme`} onClick={() => setColorScheme(next)}>
      <span aria-hidden="true">{scheme === 'dark' ? '☀' : '☾'}</span>
    </ActionIcon>
  );
}

/** The app shell around every signed-in page. */
export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const navigate = useNavigate();
  const path = useRouterState({ select: (state) => state.location.pathname });
  const { links } = useRouter().options.context as AppContext;
  const session = currentSession();
  if (session === null) return null;
  const { person } = session;
  const faces = facesOf(person);
  const onSignOut = async () => {
    await signOut();
    await navigate({ to: '/sign-in' });
  };
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={2} size="h4">
              Lectern
            </Title>
            <Text visibleFrom="xs" truncate fw={500} data-testid="portal-name">
              {person.portalName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" ta="right" visibleFrom="sm" data-testid="signed-in-person">
              {person.name} · {roleLabel(person)}
            </Text>
            <ThemeToggle />
            <Button variant="default" onClick={onSignOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        <Text size="sm" hiddenFrom="sm" mb="xs">
          {person.portalName}
          <br />
          {person.name} · {roleLabel(person)}
        </Text>
        {links
          .filter((link) => faces.includes(link.face) && (link.demoOnly !== true || person.demo))
          .map((link) => (
            <NavLink
              key={link.to}
              component={Link}
              className="lectern-nav-link"
              to={link.to}
              label={link.label}
              active={path === link.to}
              onClick={close}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

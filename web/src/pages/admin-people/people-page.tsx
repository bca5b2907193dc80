/**
 * The admin console's people: a paged list (200 a page, as the API pages) searched by name, e-mail or employee id,
 * with each person's status; adding a person; links to each person's page and to the CSV import.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import { Pager } from '../pager.tsx';
import { ScrollRegion } from '../scroll-region.tsx';
import { type Employee, roleOptions } from './api-types.ts';
import { PersonForm, type PersonValues } from './person-form.tsx';

const pageSize = 200;

/** A person's roles as labels. */
export function rolesLabel(roles: readonly string[]): string {
  const labels = roleOptions.filter((role) => roles.includes(role.value)).map((role) => role.label);
  return labels.length === 0 ? 'Learner' : labels.join(', ');
}

/** Active or inactive, as a badge. */
export function StatusBadge({ status }: { status: string }) {
  return (
    // A dot, with the text in the page's own colour: a tinted label on a striped row falls short of AA contrast.
    <Badge variant="dot" color={status === 'active' ? 'teal' : 'gray'}>
      {status === 'active' ? 'Active' : 'Inactive'}
    </Badge>
  );
}

function PeopleTable({ people }: { people: Employee[] }) {
  return (
    <ScrollRegion label="People">
      <Table striped highlightOnHover captionSide="top">
        <Table.Caption>The portal's people</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col" visibleFrom="sm">
              E-mail
            </Table.Th>
            <Table.Th scope="col">Employee id</Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              Roles
            </Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.erecno}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/people/${person.erecno}`}>
                  {person.displayName}
                </Anchor>
              </Table.Td>
              <Table.Td visibleFrom="sm">{person.emailId}</Table.Td>
              <Table.Td>{person.employeeId}</Table.Td>
              <Table.Td visibleFrom="md">{rolesLabel(person.roles)}</Table.Td>
              <Table.Td>
                <StatusBadge status={person.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** The people page. */
export function PeoplePage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [startIndex, setStartIndex] = useState(0);
  const [adding, { open, close }] = useDisclosure(false);
  const [added, setAdded] = useState<string | undefined>();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['/lectern/v1/employees', startIndex, debounced],
    queryFn: async () =>
      resultOf(
        await api.GET('/lectern/v1/employees', { params: { query: { startIndex, search: debounced || undefined } } }),
      ),
    placeholderData: keepPreviousData,
  });

  const add = async (values: PersonValues) => {
    const body = {
      displayName: values.displayName,
      emailId: values.emailId,
      roles: values.roles,
      ...(values.employeeId.trim() === '' ? {} : { employeeId: values.employeeId }),
      ...(values.managerErecno === null ? {} : { managerErecno: values.managerErecno }),
    };
    const answer = resultOf(await api.POST('/lectern/v1/employees', { body }));
    await queryClient.invalidateQueries({ queryKey: ['/lectern/v1/employees'] });
    setAdded(answer.employees[0]?.displayName);
    close();
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>People</Title>
        <Group>
          <Button component={Link} to="/admin/people/import" variant="default">
            Import from CSV
          </Button>
          <Button onClick={open}>Add person</Button>
        </Group>
      </Group>
      {added !== undefined && (
        <Alert
          color="teal"
          role="status"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setAdded(undefined)}
        >
          Added {added}.
        </Alert>
      )}
      <TextInput
        label="Search people"
        description="Name, e-mail or employee id"
        type="search"
        value={search}
        maxLength={100}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setStartIndex(0);
        }}
      />
      {list.isPending ? (
        <Loader aria-label="Loading people" />
      ) : list.isError ? (
        <Alert color="red" title="Could not load the people">
          {list.error.message}
        </Alert>
      ) : (
        <>
          <PeopleTable people={list.data.employees} />
          {list.data.employees.length === 0 && <Text>{debounced === '' ? 'Nobody yet.' : 'Nobody matches.'}</Text>}
          <Pager
            startIndex={startIndex}
            shown={list.data.employees.length}
            pageSize={pageSize}
            hasMore={list.data.hasMoreRecords}
            onChange={setStartIndex}
          />
        </>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={adding}
        onClose={close}
        title="Add a person"
        size="lg"
      >
        <PersonForm
          withNames={false}
          submitLabel="Add person"
          errorPrefix="employees.0."
          onSubmit={add}
          onCancel={close}
        />
      </Modal>
    </Stack>
  );
}

/**
 * Importing people from a CSV file: a dry run first, which lists every bad row (line, field, reason) or counts what
 * would change; then the import itself, allowed once the dry run of that same file found no bad row.
 */
import { Alert, Anchor, Button, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api.ts';
import { ApiError, resultOf } from '../api-result.ts';
import { ScrollRegion } from '../scroll-region.tsx';
import type { ImportRowError, ImportSummary } from './api-types.ts';
import { downloadExport } from './download-export.ts';

/** What the page shows for the chosen file. */
type Outcome =
  | { kind: 'none' }
  | { kind: 'checked'; summary: ImportSummary }
  | { kind: 'imported'; summary: ImportSummary }
  | { kind: 'bad rows'; errorCount: number; errors: ImportRowError[] }
  | { kind: 'failed'; message: string };

async function importPeople(file: File, dryRun: boolean): Promise<ImportSummary> {
  const form = new FormData();
  form.append('file', file);
  return resultOf(
    await api.POST('/lectern/v1/imports/{kind}', {
      params: { path: { kind: 'people' }, query: { format: 'csv', ...(dryRun ? { dryRun: 'true' } : {}) } },
      body: { file: '' },
      bodySerializer: () => form,
    }),
  );
}

function outcomeOf(error: unknown): Outcome {
  const body = error instanceof ApiError ? (error.body as { errors?: ImportRowError[]; errorCount?: number }) : {};
  if (error instanceof ApiError && error.status === 422 && Array.isArray(body.errors)) {
    return { kind: 'bad rows', errorCount: body.errorCount ?? body.errors.length, errors: body.errors };
  }
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}

function counts(summary: ImportSummary, would: boolean): string {
  const verb = would ? 'would be' : 'were';
  return `${summary.rows} row${summary.rows === 1 ? '' : 's'}: ${summary.created} ${verb} created, ${summary.updated} ${verb} updated, ${summary.unchanged} unchanged.`;
}

function RowErrors({ errorCount, errors }: { errorCount: number; errors: ImportRowError[] }) {
  return (
    <Stack>
      <Alert color="red" title="Nothing was imported" role="alert">
        {errorCount} bad row{errorCount === 1 ? '' : 's'} in the file. Fix {errorCount === 1 ? 'it' : 'them'}, choose
        the file again and check it again.
        {errors.length < errorCount && ` The first ${errors.length} are listed.`}
      </Alert>
      <ScrollRegion label="Bad rows">
        <Table striped captionSide="top">
          <Table.Caption>Bad rows of the file</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Line</Table.Th>
              <Table.Th scope="col">Field</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((error) => (
              <Table.Tr key={`${error.line}-${error.field}-${error.message}`}>
                <Table.Td>{error.line}</Table.Td>
                <Table.Td>{error.field}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}

/** The import page. */
export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [busy, setBusy] = useState<'check' | 'import' | 'download' | null>(null);
  const queryClient = useQueryClient();

  const run = async (step: 'check' | 'import') => {
    if (file === null) return;
    setBusy(step);
    try {
      const summary = await importPeople(file, step === 'check');
      setOutcome({ kind: step === 'check' ? 'checked' : 'imported', summary });
      if (step === 'import') await queryClient.invalidateQueries({ queryKey: ['/lectern/v1/employees'] });
    } catch (error) {
      setOutcome(outcomeOf(error));
    } finally {
      setBusy(null);
    }
  };
  const download = async () => {
    setBusy('download');
    try {
      await downloadExport('people');
    } catch (error) {
      setOutcome(outcomeOf(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack>
      <Anchor component={Link} to="/admin/people">
        ← People
      </Anchor>
      <Title order={1}>Import people</Title>
      <Text>
        A CSV file with a header row. Rows whose <code>erecno</code> (or, when it is empty, <code>employeeId</code>)
        matches a person update them; the others are added. Any bad row stops the whole import: nothing is written.
      </Text>
      <List size="sm">
        <List.Item>
          Columns: erecno, employeeId, displayName, firstName, lastName, emailId, managerErecno, status (active or
          inactive), isAdmin, isTrainer (true or false), dateOfJoining (YYYY-MM-DD), mobile, workPhone.
        </List.Item>
        <List.Item>
          The export of the portal's people is a sample in this very format:{' '}
          <Button variant="subtle" size="compact-sm" onClick={download} loading={busy === 'download'}>
            Download people.csv
          </Button>
        </List.Item>
      </List>
      <FileInput
        label="CSV file"
        accept=".csv,text/csv"
        clearable
        clearButtonProps={{ 'aria-label': 'Clear the chosen file' }}
        value={file}
        onChange={(chosen) => {
          setFile(chosen);
          setOutcome({ kind: 'none' });
        }}
        maw={480}
      />
      <Group>
        <Button onClick={() => run('check')} disabled={file === null} loading={busy === 'check'}>
          Check file (dry run)
        </Button>
        <Button
          onClick={() => run('import')}
          disabled={file === null || outcome.kind !== 'checked'}
          loading={busy === 'import'}
        >
          Import
        </Button>
      </Group>
      {outcome.kind === 'checked' && (
        <Alert color="blue" title="The file is fine" role="status">
          {counts(outcome.summary, true)} Nothing is written until you press Import.
        </Alert>
      )}
      {outcome.kind === 'imported' && (
        <Alert color="teal" title="Imported" role="status">
          {counts(outcome.summary, false)}
        </Alert>
      )}
      {outcome.kind === 'bad rows' && <RowErrors errorCount={outcome.errorCount} errors={outcome.errors} />}
      {outcome.kind === 'failed' && (
        <Alert color="red" title="Not imported" role="alert">
          {outcome.message}
        </Alert>
      )}
    </Stack>
  );
}

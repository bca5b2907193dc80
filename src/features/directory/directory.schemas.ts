/**
 * Request and response schemas of Zoho People's directory subset of the forms API. Bodies are written as JSON text by
 * http/people-envelope.ts (an exact int64 `Zoho_ID`), so the response schemas document the shapes and serialise
 * nothing.
 */
import { Type } from '@sinclair/typebox';
import { textParameter } from '../../http/parameters.ts';

/** The forms the directory serves, by Zoho's link names. */
export const directoryForms = ['employee', 'department', 'designation'] as const;
/** A directory form's link name. */
export type DirectoryForm = (typeof directoryForms)[number];

/** The views the directory serves, by Zoho's view names. */
export const directoryViews = ['P_EmployeeView', 'P_DepartmentView', 'P_DesignationView'] as const;
/** A directory view's name. */
export type DirectoryView = (typeof directoryViews)[number];

/** Largest page either list answers (Zoho's documented maximum). */
export const maxRecordLimit = 200;

const searchColumnText = 'EMPLOYEEID or EMPLOYEEMAILALIAS (the employee form and view only)';
const modifiedTimeText =
  'Only records added or changed at or after this time: epoch ms, or a date as dd-MMM-yyyy (UTC)';

/** The path parameters of the view records routes. */
export const viewRecordsParams = Type.Object({
  viewName: Type.String({ description: directoryViews.join(', ') }),
});

/** The path parameters of getRecords, insertRecord and updateRecord. */
export const formParams = Type.Object({
  formLinkName: Type.String({ description: directoryForms.join(', ') }),
});

/** The querystring of the view records routes. */
export const viewRecordsQuery = Type.Object({
  sIndex: textParameter(Type.Integer({ minimum: 1 }), { description: '1-based index of the first record; default 1' }),
  rec_limit: textParameter(Type.Integer({ minimum: 1, maximum: maxRecordLimit }), {
    description: `Records per page, at most ${maxRecordLimit} (default ${maxRecordLimit})`,
  }),
  searchColumn: textParameter(Type.String(), { description: searchColumnText }),
  searchValue: textParameter(Type.String(), { description: 'The employee id or e-mail address to find' }),
  modifiedtime: textParameter(Type.String(), { description: modifiedTimeText }),
});

/** The querystring of getRecords (Zoho's pages spell the search parameters both ways, and sIndex once slIndex). */
export const getRecordsQuery = Type.Object({
  sIndex: textParameter(Type.Integer({ minimum: 1 }), { description: '1-based index of the first record; default 1' }),
  slIndex: textParameter(Type.Integer({ minimum: 1 }), { description: 'sIndex as one of Zoho’s pages spells it' }),
  limit: textParameter(Type.Integer({ minimum: 1, maximum: maxRecordLimit }), {
    description: `Records per page, at most ${maxRecordLimit} (default ${maxRecordLimit}); more is error 7021`,
  }),
  SearchColumn: textParameter(Type.String(), { description: searchColumnText }),
  SearchValue: textParameter(Type.String(), { description: 'The employee id or e-mail address to find' }),
  searchColumn: textParameter(Type.String(), { description: 'SearchColumn in the other spelling' }),
  searchValue: textParameter(Type.String(), { description: 'SearchValue in the other spelling' }),
  modifiedtime: textParameter(Type.String(), { description: modifiedTimeText }),
});

/** The query of insertRecord and updateRecord (the same parameters may come as form fields). */
export const writeRecordQuery = Type.Object({
  inputData: textParameter(Type.Record(Type.String(), Type.String()), {
    description:
      'The fields as a JSON object of label names to values: EmployeeID, FirstName, LastName, EmailID (mandatory ' +
      'on insert), Department and Designation (record ids), Reporting_To (an erecno), Dateofjoining (dd-MMM-yyyy), ' +
      'Mobile, Work_phone',
    required: true,
  }),
  recordId: textParameter(Type.String({ pattern: '^[1-9][0-9]{0,19}$' }), {
    description: 'The employee to change (updateRecord only): its erecno',
  }),
});

/** The form body of insertRecord and updateRecord. */
export const writeRecordBody = Type.Optional(
  Type.Unknown({ description: 'inputData (and recordId) as form fields, or a JSON body holding them' }),
);

const flatRecord = Type.Record(Type.String(), Type.Unknown());

/** A view's answer: a bare array of flat records keyed by display labels, every value a string. */
export const viewRecordsResponse200 = Type.Array(Type.Record(Type.String(), Type.String()), {
  description: 'The page of records; an empty array past the last record',
});

/** People's error envelope (HTTP 200 for Zoho's own codes on the forms routes, 4xx for Lectern's). */
export const PeopleErrorEnvelope = Type.Object(
  {
    response: Type.Object({
      message: Type.Literal('Error occurred'),
      uri: Type.String(),
      errors: Type.Object({
        code: Type.Union([Type.Integer(), Type.String()]),
        message: Type.Union([Type.String(), Type.Record(Type.String(), Type.String())]),
      }),
      status: Type.Literal(1),
    }),
  },
  { $id: 'PeopleErrorEnvelope' },
);

const errorEnvelope = Type.Ref(PeopleErrorEnvelope);

/** getRecords' answer: one-key objects, record id to a one-record array; or the error envelope (7024 and others). */
export const getRecordsResponse200 = Type.Union([
  Type.Object({
    response: Type.Object({
      result: Type.Array(Type.Record(Type.String(), Type.Array(flatRecord, { minItems: 1, maxItems: 1 }))),
      message: Type.Literal('Data fetched successfully'),
      uri: Type.String(),
      status: Type.Literal(0),
    }),
  }),
  errorEnvelope,
]);

/** insertRecord's and updateRecord's answer, or the error envelope. */
export const writeRecordResponse200 = Type.Union([
  Type.Object({
    response: Type.Object({
      result: Type.Object({ pkId: Type.String(), message: Type.String() }),
      message: Type.String(),
      uri: Type.String(),
      status: Type.Literal(0),
    }),
  }),
  errorEnvelope,
]);

/** The error statuses every forms route may answer, all in People's envelope. */
export const peopleErrorResponses = {
  400: errorEnvelope,
  401: errorEnvelope,
  403: errorEnvelope,
  404: errorEnvelope,
  413: errorEnvelope,
  415: errorEnvelope,
  429: errorEnvelope,
  500: errorEnvelope,
};

/** The Course API's input and output schemas, in Zoho's key names and key order. */
import { Type } from '@sinclair/typebox';
import { dataObjectParameter, IdText, idParameter, startIndexParameter, textParameter } from '../../http/parameters.ts';
import { PersonSchema } from '../people/index.ts';

/** How every courseData parameter is described in the OpenAPI document. */
export const courseDataDescription = 'The course as JSON (or send it as the JSON or form body)';

const IdString = Type.String({ pattern: '^[1-9][0-9]{0,19}$', errorMessage: 'must be a numeric id' });

/** Who may enrol or unenrol learners. */
export const enrolRoles = ['admin', 'courseAdmin', 'manager', 'learner'] as const;

/** One role of a `whoCanEnroll`/`whoCanUnenroll` list; a bad item is reported here, so it needs the message too. */
const EnrolRole = Type.Union(
  enrolRoles.map((role) => Type.Literal(role)),
  { errorMessage: `must be one of ${enrolRoles.join(', ')}` },
);

/** `permissionSettings` as sent. */
export const PermissionSettingsInput = Type.Object(
  {
    whoCanEnroll: Type.Optional(
      Type.Array(EnrolRole, {
        errorMessage: `must be a list of ${enrolRoles.join(', ')}`,
      }),
    ),
    whoCanUnenroll: Type.Optional(
      Type.Array(EnrolRole, {
        errorMessage: `must be a list of ${enrolRoles.join(', ')}`,
      }),
    ),
    whenAnEntityIsConsideredAsCompleted: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 2, errorMessage: 'must be 1 (marked by the learner) or 2 (opened)' }),
    ),
    whenACourseIsConsideredAsCompleted: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 4,
        errorMessage:
          'must be 1 (learner marks), 2 (mandatory entities done), 3 (admin or trainer marks) or 4 (by date)',
      }),
    ),
    whenAModuleIsConsideredAsCompleted: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 2,
        errorMessage: 'must be 1 (learner marks) or 2 (mandatory entities done)',
      }),
    ),
  },
  { title: 'PermissionSettings' },
);

/** `courseData` as sent to create; update takes the same keys, each optional. */
export const CourseDataInput = Type.Object(
  {
    // The pattern refuses a name of only spaces, which the service's trim would store as an empty name.
    name: Type.String({
      minLength: 1,
      maxLength: 250,
      pattern: '\\S',
      errorMessage: 'must be a text of 1 to 250 characters, not only spaces',
    }),
    type: Type.Integer({
      minimum: 1,
      maximum: 3,
      errorMessage: 'must be 1 (self paced), 2 (blended learning) or 3 (e-material)',
    }),
    description: Type.Optional(
      Type.String({ maxLength: 10000, errorMessage: 'must be a text of at most 10000 characters' }),
    ),
    aboutCourse: Type.Optional(
      Type.String({ maxLength: 10000, errorMessage: 'must be a text of at most 10000 characters' }),
    ),
    duration: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1_000_000, errorMessage: 'must be a positive whole number' }),
    ),
    durationUnit: Type.Optional(
      Type.Union([Type.Literal('minute'), Type.Literal('hour'), Type.Literal('day')], {
        errorMessage: 'must be minute, hour or day',
      }),
    ),
    courseCode: Type.Optional(
      Type.String({ maxLength: 100, errorMessage: 'must be a text of at most 100 characters' }),
    ),
    courseAdmins: Type.Optional(Type.Array(IdString, { maxItems: 100, errorMessage: 'must be a list of erecnos' })),
    categories: Type.Optional(Type.Array(IdString, { maxItems: 100, errorMessage: 'must be a list of category ids' })),
    permissionSettings: Type.Optional(PermissionSettingsInput),
  },
  { title: 'CourseData' },
);

/** Update: every key optional (a partial update). */
export const CourseUpdateInput = Type.Partial(CourseDataInput, { title: 'CourseUpdate' });

/** `currentUserRole` in the sample's key order. */
export const CurrentUserRoleSchema = Type.Object({
  settingsAdmin: Type.Boolean(),
  courseOwner: Type.Boolean(),
  trainer: Type.Boolean(),
  sharedUser: Type.Boolean(),
  learner: Type.Boolean(),
  admin: Type.Boolean(),
  courseAdmin: Type.Boolean(),
  dataAdmin: Type.Boolean(),
});

/** The course object, key for key and in the order of the Update Course page's sample response. */
export const CourseSchema = Type.Object({
  canUserRequestToJoin: Type.Boolean(),
  canUserAddLearners: Type.Boolean(),
  durationAsDisplayString: Type.String(),
  courseCode: Type.String(),
  description: Type.String(),
  courseURL: Type.String(),
  type: Type.String(),
  canUserGiveFeedback: Type.Boolean(),
  canUserShare: Type.Boolean(),
  canUserDelete: Type.Boolean(),
  permissionSettings: Type.Object({
    whenAModuleIsConsideredAsCompleted: Type.String(),
    whoCanEnroll: Type.Array(Type.String()),
    whenAnEntityIsConsideredAsCompleted: Type.String(),
    whenACourseIsConsideredAsCompleted: Type.String(),
    whoCanUnenroll: Type.Array(Type.String()),
  }),
  hasUserCompleted: Type.Boolean(),
  canUserUnpublish: Type.Boolean(),
  canUserSuggest: Type.Boolean(),
  currentUserRole: CurrentUserRoleSchema,
  canUserShareCourseURL: Type.Boolean(),
  isSuggestedCourse: Type.Boolean(),
  isDisabled: Type.Boolean(),
  categories: Type.Array(Type.Object({ categoryId: Type.String(), name: Type.String() })),
  isFavourite: Type.Boolean(),
  courseId: Type.String(),
  aboutCourse: Type.String(),
  publishStatus: Type.String(),
  hasUserStarted: Type.Boolean(),
  introFiles: Type.Array(Type.Object({})),
  canUserFavourite: Type.Boolean(),
  progressAsDisplayString: Type.String(),
  canUserDisable: Type.Boolean(),
  typeAsDisplayString: Type.String(),
  isSharedCourse: Type.Boolean(),
  canUserDeleteLearners: Type.Boolean(),
  percentageOfProgress: Type.Number(),
  courseOwners: Type.Array(PersonSchema),
  canUserStartDiscussion: Type.Boolean(),
  canUserComplete: Type.Boolean(),
  statusAsDisplayString: Type.String(),
  canUserUnEnroll: Type.Boolean(),
  canUserUnfavourite: Type.Boolean(),
  canUserRevokeCompletion: Type.Boolean(),
  courseImageURL: Type.Null(),
  canUserPublish: Type.Boolean(),
  name: Type.String(),
  courseAdmins: Type.Array(PersonSchema),
  canUserEnroll: Type.Boolean(),
  canUserPreview: Type.Boolean(),
  status: Type.Integer({ description: '0 drafted, 1 published, 2 disabled' }),
  duration: Type.Union([Type.Integer(), Type.Null()]),
  durationUnit: Type.Union([Type.String(), Type.Null()]),
});

/** `{"code":"200","course":{...},"message":"success"}`. */
export const CourseEnvelope = Type.Object({
  code: Type.Literal('200'),
  course: CourseSchema,
  message: Type.Literal('success'),
});

/** Query filters of Fetch All Courses and Fetch My Courses (all arrive as text; readFilters checks them). */
export const CourseListQuery = Type.Object({
  startIndex: startIndexParameter,
  search: Type.Optional(Type.String({ description: 'Text the course name contains' })),
  type: textParameter(Type.Integer({ minimum: 1, maximum: 3 }), {
    description: '1 self paced, 2 blended learning, 3 e-material',
  }),
  categoryId: textParameter(Type.Union([IdText, Type.Literal('MyfavouriteCategories')]), {
    description: 'A category id, or MyfavouriteCategories (any case) for the favourite categories',
  }),
  trainerId: idParameter("Courses this trainer's erecno teaches"),
  state: textParameter(Type.Union(['drafted', 'published', 'disabled'].map((state) => Type.Literal(state))), {
    description: 'drafted, published or disabled (any case)',
  }),
  sortBy: textParameter(Type.Union([Type.Literal('name'), Type.Literal('-name')]), {
    description: 'name (A to Z) or -name (Z to A)',
  }),
  startDate: textParameter(Type.Integer({ minimum: 0 }), {
    description: 'Created at or after this time (epoch milliseconds)',
  }),
  endDate: textParameter(Type.Integer({ minimum: 0 }), {
    description: 'Created at or before this time (epoch milliseconds); not before startDate',
  }),
  sharedToMe: textParameter(Type.Boolean(), { description: 'Only courses shared with the caller' }),
  suggestedToMe: textParameter(Type.Boolean(), { description: 'Only courses suggested to the caller' }),
});

/** The path of one course. */
export const CourseParams = Type.Object({ courseId: Type.String() });

/** The querystring of createCourse: courseData as on create. */
export const createCourseQuery = Type.Object({
  courseData: dataObjectParameter(CourseDataInput, { description: courseDataDescription }),
});

/** The querystring of updateCourse: courseData, every key optional. */
export const updateCourseQuery = Type.Object({
  courseData: dataObjectParameter(CourseUpdateInput, { description: courseDataDescription }),
});

/** The body of createCourse. */
export const createCourseBody = Type.Optional(
  Type.Unknown({ description: 'courseData as a JSON body, bare or wrapped, or a form field' }),
);

/** The querystring of getCourse. */
export const getCourseQuery = Type.Object({
  batchId: textParameter(Type.String({ pattern: '^(0|[1-9][0-9]{0,19})?$' }), {
    description: "The batch whose progress to show; 0 or empty for the course's own",
  }),
});

/** The body of updateCourse. */
export const updateCourseBody = Type.Optional(
  Type.Unknown({ description: 'courseData as a JSON body, bare or wrapped, or a form field' }),
);

/** The querystring of updateCourseByQuery. */
export const updateCourseByQueryQuery = Type.Object({
  courseData: dataObjectParameter(CourseUpdateInput, { description: courseDataDescription }),
  courseId: idParameter('The course (else courseData.courseId)'),
});

/** The body of updateCourseByQuery. */
export const updateCourseByQueryBody = Type.Optional(Type.Unknown());

/** The entity marks API's request and response schemas. */
import { Type } from '@sinclair/typebox';
import { maxIdsPerList } from '../../http/input.ts';
import { wholeNumberShape } from '../../http/input-shapes.ts';
import { IdText, idParameter, jsonParameter, textParameter } from '../../http/parameters.ts';
import { maximumMarksLimit } from './assessment.schemas.ts';

/** A learner's marks in the answer (provisional: Zoho's pages show no response). */
export const LearnerMarksSchema = Type.Object({
  learnerErecno: Type.String(),
  displayName: Type.String(),
  employeeId: Type.String(),
  marks: Type.Integer(),
  maximumMarks: Type.Integer(),
});

/** One learner's marks in marksList. */
export const MarkEntrySchema = Type.Object(
  { learnerErecno: IdText, marks: wholeNumberShape(0, maximumMarksLimit) },
  { title: 'MarkEntry' },
);

/** The querystring of updateMarks: one learner's marks, or Lectern's marksList for several. */
export const updateMarksQuery = Type.Object({
  learnerErecno: idParameter("The learner's erecno (with marks; or send marksList)"),
  marks: textParameter(wholeNumberShape(0, maximumMarksLimit), {
    description: 'Whole marks, 0 to the maximum (with learnerErecno)',
  }),
  marksList: jsonParameter(Type.Array(MarkEntrySchema, { minItems: 1, maxItems: maxIdsPerList }), {
    description: 'Lectern: a JSON array of {"learnerErecno","marks"} to mark several learners at once',
  }),
});

/** The body of updateMarks: the query's parameters may come here instead, read by the handler. */
export const updateMarksBody = Type.Optional(
  Type.Unknown({ description: 'learnerErecno and marks (or marksList) as form or JSON' }),
);

/** The 200 answer of updateMarks: every learner marked, as stored. */
export const updateMarksResponse200 = Type.Object({
  code: Type.Literal(200),
  learners: Type.Array(LearnerMarksSchema),
  message: Type.Literal('success'),
});

/** The 200 answer of the marks sheet: the seated learners with their marks, null while ungraded. */
export const marksSheetResponse200 = Type.Object({
  code: Type.Literal(200),
  maximumMarks: Type.Integer(),
  learners: Type.Array(
    Type.Object(
      {
        learnerErecno: Type.String(),
        displayName: Type.String(),
        employeeId: Type.String(),
        marks: Type.Union([Type.Integer(), Type.Null()]),
      },
      { title: 'MarksSheetLearner' },
    ),
    { description: 'By name, 1,000 at most' },
  ),
  message: Type.Literal('success'),
});

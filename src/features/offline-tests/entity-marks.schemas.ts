/** The entity marks API's request and response schemas. */
import { Type } from '@sinclair/typebox';
import { maxIdsPerList } from '../../http/input.ts';
import { wholeNumberShape } from '../../http/input-shapes.ts';
import { IdText, idParameter, jsonParameter, textParameter } from '../../http/parameters.ts';
import { maximumMarksLimit } from './assessment-fields.ts';

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

export const marksQuery = Type.Object({
  learnerErecno: idParameter("The learner's erecno (with marks; or send marksList)"),
  marks: textParameter(wholeNumberShape(0, maximumMarksLimit), {
    description: 'Whole marks, 0 to the maximum (with learnerErecno)',
  }),
  marksList: jsonParameter(Type.Array(MarkEntrySchema, { minItems: 1, maxItems: maxIdsPerList }), {
    description: 'Lectern: a JSON array of {"learnerErecno","marks"} to mark several learners at once',
  }),
});

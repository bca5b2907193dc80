/** Enrolling the signed-in person in a course or one of its batches (Zoho's enrol; the course's whoCanEnroll decides). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { currentSession } from '../../session.ts';
import { placePath, postJson } from './learner-api.ts';

/** The answer of enrol: what happened to the signed-in person. */
interface EnrolAnswer {
  learners: { status: string; reason?: string }[];
}

/** Enrols the signed-in person in the course or one of its batches; answers what happened in words. */
export function useEnrol(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (batchId: string | null) => {
      const erecno = currentSession()?.person.erecno ?? '';
      const answer = await postJson<EnrolAnswer>(
        `/api/v1${placePath({ courseId, batchId })}/enroll?erecnosList=${encodeURIComponent(`[${erecno}]`)}`,
      );
      const status = answer.learners[0]?.status ?? 'refused';
      if (status === 'waitlisted') return 'You are on the waitlist: you get a seat when one frees up.';
      if (status === 'refused') throw new Error(answer.learners[0]?.reason ?? 'The enrolment was refused');
      return 'You are enrolled.';
    },
    onSettled: () => client.invalidateQueries(),
  });
}

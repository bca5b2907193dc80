/** The course pages' reading of refusals: publishing's rules in plain words (the answers themselves: ../api-result.ts). */
import { ApiError } from '../api-result.ts';

/** The console's one reader of answers, also here for the calendar, which imports it from beside it. */
export { resultOf } from '../api-result.ts';

/** What to tell the admin when publishing was refused: the rule in plain words and what to do. */
export function publishAdvice(error: unknown, where: 'course' | 'batch'): { title: string; advice: string } {
  const code = error instanceof ApiError ? error.code : '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'NO_MANDATORY_FILES_OR_LINK_FOUND_TO_PUBLISH') {
    return {
      title: `This ${where} has nothing mandatory to learn yet`,
      advice:
        `A ${where} can only be published once one of its modules holds at least one mandatory file, link or ` +
        `e-material. Add at least one file or link (marked mandatory) to a module of this ${where}, then publish again.`,
    };
  }
  if (code === 'NO_SESSION_FOUND_TO_PUBLISH') {
    return {
      title: 'This batch has no session yet',
      advice: 'A batch can only be published once it has a session. Schedule at least one session, then publish again.',
    };
  }
  if (code.startsWith('UNSUPPORTED_OPERATION_BL_COURSE')) {
    return {
      title: 'Blended courses are published batch by batch',
      advice: 'Open a batch of this course and publish it there.',
    };
  }
  return { title: `The ${where} could not be published`, advice: message };
}

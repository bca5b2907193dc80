/** The public surface of features/learning-plans/: what other folders may use of it; everything else stays inside. */
export { removeCourseFromPlans } from './learning-plan.service.ts';

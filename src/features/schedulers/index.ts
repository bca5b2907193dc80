/** The public surface of features/schedulers/: what other folders may use of it; everything else stays inside. */

export { startSchedulerTimer } from './scheduler.runner.ts';
export { deleteCourseSchedulers } from './scheduler.service.ts';

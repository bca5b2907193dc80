/** The public surface of features/courses/: what other folders may use of it; everything else stays inside. */

export { type CourseView, courseTypeNames } from './course.presenter.ts';
export {
  deleteCourseRow,
  loadCourseForDelete,
  loadForChange,
  setCourseStatusFromBatches,
} from './course.service.ts';
export { getCourseSettings } from './course-action.service.ts';
export { getCourseView, loadView, loadViews } from './course-view.service.ts';

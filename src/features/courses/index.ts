/** The public surface of features/courses/: what other folders may use of it; everything else stays inside. */

export { type CourseView, courseTypeNames } from './course.presenter.ts';
export {
  deleteCourseRow,
  getCourseView,
  loadCourseForDelete,
  loadForChange,
  loadView,
  loadViews,
  setCourseStatusFromBatches,
} from './course.service.ts';
export { getCourseSettings } from './course-action.service.ts';

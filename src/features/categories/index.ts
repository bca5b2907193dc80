/** The public surface of features/categories/: what other folders may use of it; everything else stays inside. */
export { findCourseCategories, findGradeCategory } from './category.service.ts';

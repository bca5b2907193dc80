/** The public surface of features/progress-reports/: what other folders may use of it; everything else stays inside. */
export { wholePercent } from './progress-report.presenter.ts';
export { bestProgressInCourses } from './progress-report.service.ts';

/** The public surface of features/enrolments/: what other folders may use of it; everything else stays inside. */
export { deleteEnrolmentsIn } from './unenrolment.service.ts';

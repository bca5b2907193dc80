/** The public surface of features/notifications/: what other folders may use of it; everything else stays inside. */
export { presentAttempt, presentQueueState } from './notification.presenter.ts';
export { AttemptSchema, QueueStateProperties } from './notification.schemas.ts';

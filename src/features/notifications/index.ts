/** The public surface of features/notifications/: what other folders may use of it; everything else stays inside. */
export { AttemptSchema, presentAttempt, presentQueueState, QueueStateProperties } from './notification.presenter.ts';

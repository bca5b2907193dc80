/** The public surface of deliveries/: the attempt log the outbox readers show, and what saving a webhook checks. */
export { findDeliveryAttempts } from './delivery-log.ts';
export { deliveryQueueDepth } from './queue-depth.ts';
export { addressRefusal, isLocalhostName, literalAddress } from './webhook-address.ts';
export { generateWebhookSecret } from './webhook-signature.ts';

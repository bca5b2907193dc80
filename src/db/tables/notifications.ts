/** Table shapes of the notifications and webhooks feature, by table name (merged into Database). */
// biome-ignore lint/complexity/noBannedTypes: filled in by the feature's migration
export type NotificationTables = {};

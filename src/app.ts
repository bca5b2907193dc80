/** Builds the Fastify application (never listens): HTTP plumbing first, then every feature's routes. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { registerAdminRoutes } from './admin/admin.routes.ts';
import { registerPortalSettingsRoutes } from './admin/portal-settings.routes.ts';
import { registerBulkRoutes } from './bulk/bulk.routes.ts';
import { type Clock, PortalAwareClock, systemClock } from './clock.ts';
import { registerBatchActionRoutes } from './commands/batch-action.routes.ts';
import {
  registerBatchRemovalRoutes,
  registerCourseRemovalRoutes,
  registerModuleRemovalRoutes,
} from './commands/removal.routes.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { registerPortalClockRoutes } from './control-room/clock.routes.ts';
import { type ObservationOptions, registerObservationRoutes } from './control-room/observation.routes.ts';
import { registerPortalControlRoutes } from './control-room/portals.routes.ts';
import type { DatabaseHandle } from './db/create-db.ts';
import { deliveryQueueDepth } from './deliveries/index.ts';
import { registerAssignmentRoutes } from './features/assignments/assignment.routes.ts';
import { registerBatchRoutes } from './features/batches/batch.routes.ts';
import { registerCalendarRoutes } from './features/calendars/calendar.routes.ts';
import { registerFeedRoutes } from './features/calendars/feed.routes.ts';
import { registerCategoryRoutes } from './features/categories/category.routes.ts';
import { registerCategoryWriteRoutes } from './features/categories/category-write.routes.ts';
import { registerCompletionRoutes } from './features/completion/completion.routes.ts';
import { registerContentRoutes } from './features/contents/content.routes.ts';
import { registerCourseActivityRoutes } from './features/course-activities/course-activity.routes.ts';
import { registerCourseSettingsRoutes } from './features/course-activities/course-settings.routes.ts';
import { registerCourseRoutes } from './features/courses/course.routes.ts';
import { registerCourseActionRoutes } from './features/courses/course-action.routes.ts';
import { registerCoursePageRoutes } from './features/courses/course-page.routes.ts';
import { registerCourseSharingRoutes } from './features/courses/course-sharing.routes.ts';
import { registerDashboardRoutes } from './features/dashboard/dashboard.routes.ts';
import { registerDirectoryRoutes } from './features/directory/directory.routes.ts';
import { registerEnrolmentRoutes } from './features/enrolments/enrolment.routes.ts';
import { registerFileRoutes } from './features/files/file.routes.ts';
import { registerHistoryRoutes } from './features/history/history.routes.ts';
import { registerLearningPlanRoutes } from './features/learning-plans/learning-plan.routes.ts';
import { registerLinkRoutes } from './features/links/link.routes.ts';
import { registerLmsSettingsRoutes } from './features/lms-settings/lms-settings.routes.ts';
import { registerLocationRoutes } from './features/locations/location.routes.ts';
import { registerModuleRoutes } from './features/modules/module.routes.ts';
import { registerNotificationRoutes } from './features/notifications/notification.routes.ts';
import { registerOAuthAdminRoutes, registerOAuthRoutes } from './features/oauth/index.ts';
import { registerOfflineTestRoutes } from './features/offline-tests/offline-test.routes.ts';
import { registerOnlineTestRoutes } from './features/online-tests/online-test.routes.ts';
import { registerLearningPathRoutes } from './features/progress-reports/learning-path.routes.ts';
import { registerProgressReportRoutes } from './features/progress-reports/progress-report.routes.ts';
import { registerRoomRoutes } from './features/rooms/room.routes.ts';
import { registerRoomWriteRoutes } from './features/rooms/room-write.routes.ts';
import { registerSchedulerRoutes } from './features/schedulers/scheduler.routes.ts';
import { registerSessionRoutes } from './features/sessions/session.routes.ts';
import { registerSessionConflictRoutes } from './features/sessions/session-conflict.routes.ts';
import { registerSessionRosterRoutes } from './features/sessions/session-roster.routes.ts';
import { registerTrainerRoutes } from './features/trainers/trainer.routes.ts';
import { registerWebhookRoutes } from './features/webhooks/webhook.routes.ts';
import { registerAuth } from './http/auth.ts';
import { CallerCache } from './http/auth-cache.ts';
import { registerDocs } from './http/docs.ts';
import { answerFrameworkError, registerErrorHandling } from './http/error-handler.ts';
import { answerHeadAsGet, headRouteOptions } from './http/head-requests.ts';
import { registerHealthRoutes } from './http/health.ts';
import { registerIdempotency } from './http/idempotency.ts';
import { registerInputSafety } from './http/input-safety.ts';
import { registerBodyParsers } from './http/json-body.ts';
import { lazyCompilersFactory } from './http/lazy-compilers.ts';
import { registerMetrics } from './http/metrics.ts';
import { MemoryRateLimiter, type RateLimiter } from './http/rate-limit.ts';
import { loggerOptions, markRouterRefusal, registerRequestIdAndLog, requestIdOptions } from './http/request-log.ts';
import { registerServerLimits, serverOptions } from './http/server-limits.ts';
import { registerWebApp } from './http/web-app.ts';
import { IdGenerator } from './ids.ts';

/** What buildApp needs. */
export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  ids?: IdGenerator;
  /** Overrides the limiter chosen from config (e.g. a shared Redis one). */
  rateLimiter?: RateLimiter | null;
  /** Log to stdout at config.logLevel. */
  logger?: boolean;
  /** Log to this stream instead (implies logging), so tests can read what would be logged. */
  logStream?: DestinationStream;
  /** The fault rules' random source and latency timer (tests make them deterministic). */
  observation?: ObservationOptions;
}

/** The Fastify instance with Lectern's context attached. */
export type LecternApp = FastifyInstance & {
  lectern: AppContext;
  /** The OpenAPI document of every route (built on first use; see http/docs.ts). */
  openApiDocument(): Promise<object>;
};

/** The in-process limiter, or the Redis one when REDIS_URL is set; none when the limit is off. */
async function chooseRateLimiter(config: Config, clock: Clock): Promise<RateLimiter | null> {
  if (!config.rateLimit.enabled) return null;
  if (config.redisUrl !== null) {
    // Loaded only when used: the Redis client is a fifth of what start-up would otherwise compile.
    const { RedisRateLimiter } = await import('./http/redis-rate-limit.ts');
    // Redis's own clock keeps processes in step, unless a test drives time through a settable clock.
    return new RedisRateLimiter(config.redisUrl, config.rateLimit, clock === systemClock);
  }
  return new MemoryRateLimiter(config.rateLimit);
}

/** Builds the app: plugins, hooks and routes, all registered in plain sight. */
export async function buildApp(options: AppOptions): Promise<LecternApp> {
  const { config, database, clock } = options;
  const app = Fastify({
    logger: options.logger || options.logStream ? loggerOptions(config.logLevel, options.logStream) : false,
    ...requestIdOptions(),
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    bodyLimit: 1024 * 1024,
    // No per-plugin load timer: the timers cost more at start-up than the plugins they watch, which never hang.
    pluginTimeout: 0,
    ...headRouteOptions,
    schemaController: { compilersFactory: lazyCompilersFactory },
    ...serverOptions(config),
    // Errors raised before a route runs (bad URL, overlong path parameter): an id, a log line, Zoho's body.
    frameworkErrors: (error, request, reply) => {
      markRouterRefusal(request, reply);
      answerFrameworkError(error, request, reply);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const context: AppContext = {
    db: database.db,
    dialect: database.dialect,
    clock: new PortalAwareClock(clock),
    ids: options.ids ?? new IdGenerator(),
    config,
  };
  app.decorate('lectern', context);

  const rateLimiter = options.rateLimiter !== undefined ? options.rateLimiter : await chooseRateLimiter(config, clock);

  answerHeadAsGet(app);
  // First, so that answers refused by any later hook carry the id too.
  registerRequestIdAndLog(app);
  registerServerLimits(app, config);
  registerBodyParsers(app);
  registerInputSafety(app);
  registerErrorHandling(app);
  const docs = registerDocs(app);
  app.decorate('openApiDocument', docs.document);
  const callers =
    config.callerCacheMs > 0 && database.callerRowsEpoch !== undefined
      ? new CallerCache(config.callerCacheMs, database.callerRowsEpoch)
      : null;
  registerAuth(app, { db: database.db, clock: context.clock, rateLimiter, callers });
  registerIdempotency(app, { db: database.db, clock: context.clock, ttlMs: config.idempotencyTtlMs });

  registerHealthRoutes(app, context, rateLimiter?.ping ? () => rateLimiter.ping!() : null);
  const queueDepth = () => deliveryQueueDepth(context.db);
  await registerMetrics(app, { database, queueDepth }, config.metricsToken);
  registerCourseRoutes(app, context);
  registerCourseRemovalRoutes(app, context);
  registerCourseActionRoutes(app, context);
  registerCourseSharingRoutes(app, context);
  registerCourseSettingsRoutes(app, context);
  registerLmsSettingsRoutes(app, context);
  registerRoomRoutes(app, context);
  registerCategoryRoutes(app, context);
  registerLocationRoutes(app, context);
  registerRoomWriteRoutes(app, context);
  registerCategoryWriteRoutes(app, context);
  registerBatchRoutes(app, context);
  registerBatchRemovalRoutes(app, context);
  registerBatchActionRoutes(app, context);
  registerSchedulerRoutes(app, context);
  registerModuleRoutes(app, context);
  registerModuleRemovalRoutes(app, context);
  registerSessionRoutes(app, context);
  registerSessionRosterRoutes(app, context);
  registerSessionConflictRoutes(app, context);
  registerTrainerRoutes(app, context);
  registerCalendarRoutes(app, context);
  registerFeedRoutes(app, context);
  registerLinkRoutes(app, context);
  registerFileRoutes(app, context);
  registerOfflineTestRoutes(app, context);
  registerOnlineTestRoutes(app, context);
  registerAssignmentRoutes(app, context);
  registerCourseActivityRoutes(app, context);
  registerContentRoutes(app, context);
  registerEnrolmentRoutes(app, context);
  registerCompletionRoutes(app, context);
  registerProgressReportRoutes(app, context);
  registerLearningPathRoutes(app, context);
  registerLearningPlanRoutes(app, context);
  registerHistoryRoutes(app, context);
  registerNotificationRoutes(app, context);
  registerWebhookRoutes(app, context);
  registerDashboardRoutes(app, context);
  registerDirectoryRoutes(app, context);
  registerAdminRoutes(app, context);
  registerCoursePageRoutes(app, context);
  registerBulkRoutes(app, context);
  registerPortalClockRoutes(app, context);
  registerPortalSettingsRoutes(app, context);
  registerOAuthAdminRoutes(app, context);
  registerOAuthRoutes(app, context);
  registerPortalControlRoutes(app, context);
  registerObservationRoutes(app, context, options.observation);
  // The web app's pages and assets at / (its own paths only; the API's keep their JSON 404s).
  registerWebApp(app);

  app.addHook('onClose', async () => {
    await rateLimiter?.close?.();
  });
  return app as unknown as LecternApp;
}

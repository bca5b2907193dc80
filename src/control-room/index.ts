/** The control room's services for the CLI: what its routes do, without HTTP. */
export { advancePortalClock, readPortalClock, resetPortalClock, setPortalClock } from './clock.service.ts';

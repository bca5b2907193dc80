/** The public surface of features/rooms/: what other folders may use of it; everything else stays inside. */
export { findRoom } from './room.service.ts';

/** The public surface of features/locations/: what other folders may use of it; everything else stays inside. */
export { findLocation } from './location.service.ts';

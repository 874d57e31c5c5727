// The sync bundle's format number, file signature, suffix and size limits, without the schemas
// (core/bundle.ts): the renderer imports these, and its bundle stays free of zod.

/** The format this app writes and the only one it reads. */
export const BUNDLE_FORMAT = 1;
/** The eight bytes every bundle starts with. */
export const BUNDLE_MAGIC = 'TKYTSYNC';
/** File name suffix: "Thống Kê Bundle". */
export const BUNDLE_EXT = '.tkb';

// Limits, checked before anything is parsed. A district month is ~20 KB; a province's year of
// catching up stays far below these.
export const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;
export const MAX_HEADER_BYTES = 1024 * 1024;
export const MAX_CONTENT_BYTES = 64 * 1024 * 1024;
/** At most this many months in one bundle (a long outage: up to two years). */
export const MAX_BUNDLE_MONTHS = 24;

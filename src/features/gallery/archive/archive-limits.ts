/**
 * What an archive may declare, fixed before a byte of it is inflated. Each bound is far above
 * anything Easel itself writes, and far below what would hurt the tab.
 */

/**
 * One image file: the largest a provider returns (a 3840×2160 PNG, ~25 MB at worst) or a
 * source a user uploads for an edit (50 MB, the API's own limit), with room.
 */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024;
/** manifest.json: 200,000 entries of ~1 KB each fit. */
export const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
export const MAX_ENTRIES = 200_000;
/** The last millisecond a Date can show without "Invalid time value" tricks: 9999-12-31. */
export const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export const MAX_PROMPT = 32_000;
export const MAX_EDGE = 16_384;

// The workbook's size limit, in a module without zod: the renderer checks dropped files with it
// and its bundle carries no schema library (core/api/workbook.ts re-exports it).

/** The largest workbook file taken: a district's 37 communes make about 0.3 MB. */
export const MAX_WORKBOOK_BYTES = 16 * 1024 * 1024;

// A plain list with no schema library behind it, so that the CLI can offer it in its help without
// loading one; ExportFormatSchema in archive.ts is built from it.

/** How an export writes each draft's body: Markdown (what re-imports exactly) or the preview's HTML. */
export const exportFormats = ['markdown', 'html'] as const;

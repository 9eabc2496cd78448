/**
 * Sizes past which input is refused rather than stored. Generous for writing (a long essay is
 * ~100,000 characters), small enough that a runaway paste or a hostile payload cannot fill the disk.
 */
export const limits = {
  titleCharacters: 1_000,
  commentaryCharacters: 2_000_000,
  excerptCharacters: 1_000_000,
  clipboardHtmlCharacters: 5_000_000,
  sourceFieldCharacters: 2_000,
  urlCharacters: 8_192,
  quotesPerDraft: 200,
  hashtagsPerDraft: 100,
  hashtagCharacters: 100,
  noteCharacters: 100_000,
  slugCharacters: 200,
  summaryCharacters: 5_000,
  categoryCharacters: 200,
  categoriesPerBlog: 50,
  searchCharacters: 1_000,
  /** A clipboard payload: how many formats, how long a format's name, how long any one format's content. */
  clipboardFormats: 64,
  clipboardFormatNameCharacters: 256,
  clipboardFormatCharacters: 2_000_000,
  /** A source page read for its details: past this much, reading stops. */
  sourcePageBytes: 2_000_000,
  /** An image file as pasted, dropped, picked or fetched: past this it is refused before decoding. */
  imageBytes: 24 * 1024 * 1024,
  /** Pixels an image may decode to (width × height): past this it is refused as a decompression bomb. */
  imagePixels: 100_000_000,
  altTextCharacters: 1_000,
} as const;

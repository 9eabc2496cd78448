import path from 'node:path';

/** The URL scheme the app registers with the OS: commonplace://quote?… links. */
export const LINK_SCHEME = 'commonplace';

/** File name endings the app opens as markdown (the installers associate .md). */
export const MARKDOWN_EXTENSIONS: readonly string[] = ['.md', '.markdown'];

/** Something the OS asked the app to open: a deep link, or a markdown file to import as a draft. */
export type OpenRequest =
  { readonly kind: 'link'; readonly link: string } | { readonly kind: 'markdown-file'; readonly path: string };

/** A commonplace: URL as an open request; anything else is not ours (null). */
export function openRequestFromUrl(url: string): OpenRequest | null {
  return url.toLowerCase().startsWith(`${LINK_SCHEME}:`) ? { kind: 'link', link: url } : null;
}

/** A markdown file's path, made absolute against the directory the launch came from; null for other files. */
export function openRequestFromFile(file: string, workingDirectory: string): OpenRequest | null {
  const extension = path.extname(file).toLowerCase();
  return MARKDOWN_EXTENSIONS.includes(extension)
    ? { kind: 'markdown-file', path: path.resolve(workingDirectory, file) }
    : null;
}

/**
 * What a command line asks the app to open: on Windows and Linux, a link or a double-clicked
 * file arrives as an argument of a new launch. The executable (argv[0]), switches that Chromium,
 * Electron or the OS add ("--allow-file-access-from-files", "-psn_…"), the app's own script and
 * any other file are ignored.
 */
export function openRequestsFromArgv(argv: readonly string[], workingDirectory: string): OpenRequest[] {
  return argv
    .slice(1)
    .filter((argument) => !argument.startsWith('-'))
    .map((argument) => openRequestFromUrl(argument) ?? openRequestFromFile(argument, workingDirectory))
    .filter((request) => request !== null);
}

/**
 * Holds open requests that arrive before the app can handle them (macOS sends 'open-file' and
 * 'open-url' before 'ready' when a file or link launches the app) and hands them over in order.
 */
export class OpenRequestInbox {
  #handler: ((request: OpenRequest) => void) | null = null;
  readonly #waiting: OpenRequest[] = [];

  receive(request: OpenRequest): void {
    if (this.#handler) this.#handler(request);
    else this.#waiting.push(request);
  }

  start(handler: (request: OpenRequest) => void): void {
    this.#handler = handler;
    for (const request of this.#waiting.splice(0)) handler(request);
  }
}

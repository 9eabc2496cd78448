/** The part of @benjifs/micropub (plain JavaScript, no typings of its own) the test server uses. */
declare module '@benjifs/micropub' {
  export interface MicropubStore {
    createFile(filename: string, content: string): Promise<string | undefined>;
    updateFile(filename: string, content: string): Promise<string | undefined>;
    getFile(filename: string): Promise<{ filename: string; content: string } | null>;
    getDirectory(directory: string): Promise<{ files: { path: string }[] } | null>;
    deleteFile(filename: string): Promise<string | undefined>;
    uploadImage(filename: string, file: { content: Buffer }): Promise<string | undefined>;
  }

  export interface MicropubOptions {
    readonly store: MicropubStore;
    /** The site's address, with its trailing slash. */
    readonly me: string;
    /** Where the endpoint checks bearer tokens (IndieAuth token verification). */
    readonly tokenEndpoint: string;
    readonly contentDir?: string;
    /** What q=config answers (replaces the library's default). */
    readonly config?: Readonly<Record<string, unknown>>;
  }

  export default class MicropubEndpoint {
    constructor(options: MicropubOptions);
    micropubHandler(request: Request): Promise<Response>;
    mediaHandler(request: Request): Promise<Response>;
  }
}

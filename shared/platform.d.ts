// shared/ runs in the renderer and in Node, so it sees neither the DOM's nor Node's typings.
// These are the few web-platform globals both runtimes provide that shared code may use.

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly host: string;
  readonly hostname: string;
  readonly href: string;
  readonly origin: string;
  readonly pathname: string;
  readonly protocol: string;
  readonly search: string;
  readonly hash: string;
  toString(): string;
  static canParse(url: string, base?: string): boolean;
}

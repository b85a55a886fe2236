// The few web-platform globals that src/core may use. They exist in every runtime the core runs
// in (browsers, workers, Node), unlike the DOM, which tsconfig.core.json leaves out on purpose.
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly hostname: string;
  readonly protocol: string;
  readonly href: string;
  readonly origin: string;
  readonly pathname: string;
  readonly username: string;
  readonly password: string;
  readonly hash: string;
}
declare class URLSearchParams {
  constructor(init?: string);
  get(name: string): string | null;
}

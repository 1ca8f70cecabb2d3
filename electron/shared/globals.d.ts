// electron/shared is checked with lib ES2023 alone, so that it can use nothing that only Node or
// only the DOM has. The WHATWG URL class is the one exception it needs: Node, the preload and the
// renderer all provide it. Declared here with just the members shared code reads.
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

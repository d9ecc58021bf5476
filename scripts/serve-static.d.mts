export interface StaticServerOptions {
  /** Folder to serve. Default: the project's `dist/`. */
  root?: string
  /** Path prefix the site lives under, like a GitHub Pages project site. Default `/session-playground/`. */
  base?: string
  /** TCP port on 127.0.0.1; 0 picks a free one. Default 4173. */
  port?: number
  /** When the port is busy, listen on the next free one (up to 19 further); default false. */
  nextFreePort?: boolean
  /** Tests only: a script put at the end of every HTML page's head, before the page's own. */
  headScript?: string
  /** Benchmarks only: told the path (and query) of every request, as it arrives. */
  onRequest?: (url: string) => void
}

export interface StaticServer {
  /** The site's address, base included, e.g. `http://127.0.0.1:4173/session-playground/`. */
  url: string
  close(): Promise<void>
}

export function startStaticServer(options?: StaticServerOptions): Promise<StaticServer>

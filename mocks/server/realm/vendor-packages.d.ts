/** The packages the realm hands to server code. We pass them through; their shapes stay theirs. */
declare module 'express' {
  const express: unknown
  export default express
}
declare module 'cookie-parser' {
  const cookieParser: unknown
  export default cookieParser
}
declare module 'body-parser' {
  const bodyParser: unknown
  export default bodyParser
}
declare module 'cookie' {
  const cookie: unknown
  export default cookie
}
declare module 'cookie-signature' {
  const signature: unknown
  export default signature
}
declare module 'express-session' {
  interface ExpressSession {
    (options?: Record<string, unknown>): unknown
    MemoryStore: new () => import('./instrument/store-spy').SessionStoreLike
    Store: unknown
    Cookie: unknown
    Session: unknown
  }
  const session: ExpressSession
  export default session
}
declare module 'path' {
  const path: unknown
  export default path
}
declare module 'url' {
  const url: unknown
  export default url
}
declare module 'string_decoder' {
  const stringDecoder: unknown
  export default stringDecoder
}
declare module 'stream' {
  const stream: unknown
  export default stream
}
declare module 'connect-redis' {
  export const RedisStore: unknown
}

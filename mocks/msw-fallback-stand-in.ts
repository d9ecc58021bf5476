/**
 * Stands in for @mswjs/interceptors' XMLHttpRequest and fetch interceptors in the page's build
 * (vite.config.ts). msw/browser constructs them only for its fallback mode, where the browser
 * offers no service worker; the page never starts msw there: connectServer
 * (app/server-connection.ts) sends requests to the server directly instead. Bundling them cost
 * the first load ~6 KB gzip for code that never runs.
 */
class FallbackModeUnavailable {
  constructor() {
    throw new Error(
      "msw's fallback mode is not part of this build: without a service worker, requests go to the simulated server directly",
    )
  }
}

export { FallbackModeUnavailable as XMLHttpRequestInterceptor }
export { FallbackModeUnavailable as FetchInterceptor }

/**
 * The server worker's entry as a URL, for the page to start it in its sandbox
 * (mocks/sandboxed-server-worker.ts). Vite bundles the worker and gives its address; nothing of
 * the server is imported into the page by this.
 */
export { default } from './host/worker.ts?worker&url'

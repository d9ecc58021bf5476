/**
 * `diagnostics_channel`: router 2 traces through `tracingChannel` only when it exists, so
 * leaving it out turns tracing off without changing any routing behaviour.
 */
export function channel(): {
  hasSubscribers: boolean
  publish(): void
  subscribe(): void
  unsubscribe(): void
} {
  return { hasSubscribers: false, publish() {}, subscribe() {}, unsubscribe() {} }
}
export function hasSubscribers(): boolean {
  return false
}

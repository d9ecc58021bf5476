/**
 * `async_hooks`: on-finished and raw-body only use AsyncResource when it exists, to keep
 * async context; without it they call listeners directly, which is all we need.
 */
export {}

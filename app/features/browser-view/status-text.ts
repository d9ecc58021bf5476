/**
 * The reason phrase for a status code, as Node's http.STATUS_CODES has it, for the codes an
 * Express app commonly sends. The page view keeps only the number.
 */
const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

/** `302 Found`; just the number for a code without a well-known phrase. */
export function statusLine(status: number): string {
  const reason = REASONS[status]
  return reason ? `${status} ${reason}` : String(status)
}

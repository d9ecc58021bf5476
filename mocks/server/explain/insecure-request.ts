/**
 * Why express-session judged a request insecure (index.js, `issecure`): a TLS socket always
 * counts; `proxy: false` trusts nothing else; `proxy: true` trusts the first value of
 * X-Forwarded-Proto (lower-cased); left undefined, it uses Express's `req.secure`, which reads
 * X-Forwarded-Proto only when Express's `trust proxy` setting trusts the sender.
 */
import type { SimRequest } from '../realm/realm-types'

function forwardedProto(request: SimRequest): string | undefined {
  const header = request.headers.find(([name]) => name.toLowerCase() === 'x-forwarded-proto')
  if (!header) return undefined
  return header[1].split(',')[0]?.trim() || undefined
}

/** Completes "`cookie.secure` is on and …": what made this request count as insecure. */
export function describeInsecureRequest(request: SimRequest, proxy: boolean | undefined): string {
  const base = 'this request came over plain http'
  const proto = forwardedProto(request)
  if (proto === undefined) {
    return proxy === true ? `${base} with no \`X-Forwarded-Proto: https\` header` : base
  }
  if (proxy === true) return `${base} and its \`X-Forwarded-Proto\` says ${proto}, not https`
  if (proxy === false) return `${base} (\`proxy: false\` ignores \`X-Forwarded-Proto\`)`
  return `${base} and Express's \`req.secure\` was false despite \`X-Forwarded-Proto: ${proto}\` (Express trusts that header only with its \`trust proxy\` setting)`
}

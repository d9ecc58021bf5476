/** MSW handlers: a simulated request in, the simulated server's answer out — nothing else. */
import { http, HttpResponse } from 'msw'
import { decodeSimRequest, encodeSimResponse, SIM_ENDPOINT_PATTERN } from './sim-http'
import type { ServerTransport } from './server'

export function createHandlers(getServer: () => ServerTransport) {
  return [
    http.post(SIM_ENDPOINT_PATTERN, async ({ request }) => {
      const result = await getServer().request(await decodeSimRequest(request))
      const { body, headers } = encodeSimResponse(result)
      return new HttpResponse(body as BodyInit | null, { status: 200, headers })
    }),
  ]
}

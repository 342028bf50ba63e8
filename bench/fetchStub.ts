/**
 * Replaces `globalThis.fetch` for the whole bench process (no network), before any SDK is imported:
 * `@clerk/backend` binds the global fetch when it loads. Suites register the URLs they answer.
 *
 * @module
 */

type Handler = (url: URL, init: RequestInit | undefined) => Response

const routes: Array<{ readonly prefix: string; readonly handler: Handler }> = []

/** Answers requests whose URL starts with `prefix`. */
export const registerFetchRoute = (prefix: string, handler: Handler): void => {
  routes.push({ prefix, handler })
}

/** A JSON response. */
export const jsonResponse = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })

globalThis.fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : String(input))
  const route = routes.find((r) => url.href.startsWith(r.prefix))
  return route === undefined
    ? Promise.reject(new Error(`bench: no stubbed route for ${url.href} (the bench never uses the network)`))
    : Promise.resolve(route.handler(url, init))
}

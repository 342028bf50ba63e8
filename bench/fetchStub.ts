/**
 * Replaces `globalThis.fetch` for the whole bench process (no network but the loopback bench server), before any SDK
 * is imported:
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

const realFetch = globalThis.fetch

/** The loopback bench server is reached through the real fetch (for effect-clerk on fetch and @clerk/backend). */
const LOOPBACK = "http://127.0.0.1:"

globalThis.fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const href = input instanceof Request ? input.url : String(input)
  if (href.startsWith(LOOPBACK)) return realFetch(input, init)
  const url = new URL(href)
  const route = routes.find((r) => url.href.startsWith(r.prefix))
  return route === undefined
    ? Promise.reject(new Error(`bench: no stubbed route for ${url.href} (the bench never uses the network)`))
    : Promise.resolve(route.handler(url, init))
}

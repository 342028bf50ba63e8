/**
 * Small pieces shared by the middleware: the method a Fetch `Request` can carry, and the first value of a
 * comma-separated forwarded header.
 *
 * @module
 */

const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(["CONNECT", "TRACE", "TRACK"])

/**
 * The method to authenticate with. `Request` refuses `CONNECT`/`TRACE`/`TRACK`; they are seen as `POST`, which is
 * what matters to `authenticateRequest` (only `GET` document requests may get a handshake or a session refresh).
 *
 * @since 0.1.0
 * @category Integrations
 */
export const authMethod = (method: string): string => (FORBIDDEN_METHODS.has(method.toUpperCase()) ? "POST" : method)

/**
 * The first value of a header that proxies may have turned into a comma-separated list.
 *
 * @since 0.1.0
 * @category Integrations
 */
export const firstValue = (value: string | ReadonlyArray<string> | undefined): string | undefined => {
  const raw = typeof value === "string" ? value : value?.[0]
  const first = raw?.split(",")[0]?.trim()
  return first === undefined || first === "" ? undefined : first
}

/**
 * Reads a request header (lower-case name).
 *
 * @since 0.1.0
 * @category Integrations
 */
export type HeaderReader = (name: string) => string | ReadonlyArray<string> | undefined

/**
 * The absolute URL of a request whose URL is a path: protocol and host from `X-Forwarded-Proto` /
 * `X-Forwarded-Host` (first value, when `trustProxy`), else `Host` and whether the connection is TLS. A hostile `Host`
 * falls back to `localhost`, keeping the path.
 *
 * @since 0.1.0
 * @category Integrations
 */
export const absoluteUrl = (
  path: string,
  header: HeaderReader,
  options: { readonly encrypted: boolean; readonly trustProxy: boolean }
): URL => {
  const forwardedProto = options.trustProxy ? firstValue(header("x-forwarded-proto")) : undefined
  const forwardedHost = options.trustProxy ? firstValue(header("x-forwarded-host")) : undefined
  const protocol =
    forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : options.encrypted ? "https" : "http"
  const relative = path.startsWith("/") ? path : `/${path}`
  for (const host of [forwardedHost ?? firstValue(header("host")) ?? "localhost", "localhost"]) {
    try {
      return new URL(relative, `${protocol}://${host}`)
    } catch {
      // try the next host
    }
  }
  return new URL(`${protocol}://localhost/`)
}

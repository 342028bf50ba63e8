/**
 * Server integration: `ClerkMiddleware` for `@effect/platform` servers (an `HttpApp` middleware and an
 * `HttpApiMiddleware`), and `clerkMiddleware` / `requireAuth` / `getAuth` / `toWebRequest` for Node, connect and
 * Express, with `@clerk/express`'s shapes.
 *
 * @module
 */
export * as ClerkMiddleware from "./ClerkMiddleware.js"
export { type AuthDecision, type AuthDecisionOptions, decide } from "./decision.js"
export {
  type AuthFunction,
  clerkMiddleware,
  type ClerkMiddlewareOptions,
  getAuth,
  type NextFunction,
  type NodeMiddleware,
  type NodeRequest,
  requireAuth,
  type RequestWithAuth,
  toWebRequest,
  type ToWebRequestOptions
} from "./node.js"

/**
 * `authenticateRequest`: decides from a Fetch `Request` whether it is signed in (session or machine token), signed
 * out, or must go through Clerk's handshake, with `@clerk/backend` 3.25.0's decision flow and results.
 *
 * - A token in the Authorization header is verified on its own; cookies are not read.
 * - Without one, the session comes from cookies (see `cookieFlow.ts`); document requests may get a handshake redirect.
 * - Only the method, URL and headers are read, never the body.
 * - Bad input (garbage tokens, hostile cookies, duplicate headers) always ends in a state with a reason. The Effect
 *   fails only for a configuration that cannot authenticate anything ({@link AuthenticateRequestError}).
 *
 * @module
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Predicate from "effect/Predicate"
import { Clients } from "../../resources/Clients.js"
import { Sessions } from "../../resources/Sessions.js"
import { ClerkConfig } from "../../services/ClerkConfig.js"
import {
  authenticatedMachineObject,
  invalidTokenAuthObject,
  type MachineAuthData,
  type MachineTokenType,
  type TokenType,
  unauthenticatedMachineObject
} from "../auth-object/AuthObject.js"
import { decodeJwt } from "../jwt/decode.js"
import { machineJwtType, machineTokenType } from "../machine/detect.js"
import type { MachineTokenResult } from "../machine/results.js"
import { type MachineVerifyServices, verifyMachineToken } from "../machine/verify.js"
import { isNonSessionCategory } from "../tokens/categories.js"
import { JwksCache, type JwksCacheShape } from "../tokens/JwksCache.js"
import { withSpanWhenTraced } from "../tokens/tracing.js"
import { planVerification } from "../tokens/verifyToken.js"
import type { AuthenticateRequestError } from "./AuthenticateRequestError.js"
import { AuthPromiseRunner, type PromiseRunner } from "./AuthPromiseRunner.js"
import { AuthErrorReason, AuthStatus, HeaderNames } from "./constants.js"
import { cookieFlow } from "./cookieFlow.js"
import {
  debugData,
  type Flow,
  handleTokenFailure,
  hasSessionId,
  requireSessionId,
  signedIn,
  signedOut
} from "./flow.js"
import type { AcceptsToken, AuthenticateRequestOptions } from "./options.js"
import { prepare } from "./prepare.js"
import {
  invalidTokenState,
  type RequestState,
  type RequestStateFor,
  signedInMachineState,
  signedOutMachineState,
  type StateEcho
} from "./RequestState.js"

const isMachineType = (type: AcceptsToken): type is MachineTokenType =>
  type === "api_key" || type === "m2m_token" || type === "oauth_token"

const accepts = (type: TokenType, acceptsToken: AcceptsToken): boolean =>
  acceptsToken === "any" || (typeof acceptsToken === "string" ? acceptsToken === type : acceptsToken.includes(type))

const machineAuthData = (result: MachineTokenResult): MachineAuthData => {
  switch (result.tokenType) {
    case "api_key":
      return {
        id: result.data.id,
        subject: result.data.subject,
        scopes: result.data.scopes,
        name: result.data.name,
        claims: Predicate.isRecord(result.data.claims) ? result.data.claims : null
      }
    case "m2m_token":
      return {
        id: result.data.id,
        subject: result.data.subject,
        scopes: result.data.scopes,
        claims: result.data.claims
      }
    case "oauth_token":
      return {
        id: result.data.id,
        subject: result.data.subject,
        scopes: result.data.scopes,
        clientId: result.data.clientId
      }
  }
}

const machineSignedOut = <T extends MachineTokenType>(flow: Flow, tokenType: T, reason: string, message: string) =>
  signedOutMachineState(flow.echo, tokenType, reason, message, () =>
    unauthenticatedMachineObject(tokenType, debugData(flow.ctx, { status: AuthStatus.SignedOut, reason, message }))
  )

/** Verifies a machine token of a known type and returns its state. */
const machineState = (
  flow: Flow,
  token: string,
  tokenType: MachineTokenType
): Effect.Effect<RequestState, never, MachineVerifyServices | JwksCache> =>
  Effect.match(
    verifyMachineToken(token, {
      audience: flow.ctx.options.audience,
      clockSkewInMs: flow.ctx.options.clockSkewInMs,
      jwtKey: flow.ctx.options.jwtKey,
      skipJwksCache: flow.ctx.options.skipJwksCache
    }),
    {
      onFailure: (failure): RequestState => machineSignedOut(flow, tokenType, failure.code, failure.getFullMessage()),
      onSuccess: (result): RequestState => {
        const data = machineAuthData(result)
        const debug = debugData(flow.ctx, { status: AuthStatus.SignedIn })
        return signedInMachineState(flow.echo, result.tokenType, token, () =>
          authenticatedMachineObject(result.tokenType, token, data, debug)
        )
      }
    }
  )

/**
 * The one decision for a session token in the Authorization header (`acceptsToken` `session_token`, or a session
 * token under `any`). It is a state when no Effect is needed: the token is of another type, or it verifies with a key
 * at hand (`jwtKey`, or a JWKS key already cached). Otherwise it is the Effect that decides: a JWKS fetch, or a
 * failure that may refresh or answer with a handshake.
 */
const sessionHeaderDecision = (
  flow: Flow,
  token: string,
  rejectMachineJwts: boolean,
  keys: JwksCacheShape
): RequestState | Effect.Effect<RequestState, never, JwksCache> => {
  const decoded = decodeJwt(token)
  // JWT templates and machine JWTs are signed by the instance key too, but they are not session tokens.
  if (
    Either.isRight(decoded) &&
    ((rejectMachineJwts && machineJwtType(decoded.right) !== undefined) ||
      isNonSessionCategory(decoded.right.header.cat))
  ) {
    return signedOut(flow, AuthErrorReason.TokenTypeMismatch, "")
  }
  const plan = planVerification(Either.isRight(decoded) ? decoded.right : token, flow.verifyOptions, keys, flow.ctx.now)
  if (Either.isEither(plan) && Either.isRight(plan) && hasSessionId(plan.right)) {
    return signedIn(flow, plan.right, token)
  }
  return Effect.matchEffect(requireSessionId(plan), {
    onFailure: (failure) => handleTokenFailure(flow, failure, "header"),
    onSuccess: (claims) => Effect.succeed(signedIn(flow, claims, token))
  })
}

const sessionHeaderFlow = (
  flow: Flow,
  token: string,
  rejectMachineJwts: boolean
): Effect.Effect<RequestState, never, JwksCache> =>
  Effect.flatMap(JwksCache, (keys) => {
    const decision = sessionHeaderDecision(flow, token, rejectMachineJwts, keys)
    return Effect.isEffect(decision) ? decision : Effect.succeed(decision)
  })

/**
 * The state of a request when {@link decide} needs no Effect to reach it: a session token in the Authorization header
 * under `acceptsToken: "session_token"` whose decision is synchronous. `undefined` otherwise; run `decide` then. Both
 * go through the same decision, so the state is the one `decide` gives.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const decideSync = (flow: Flow, keys: JwksCacheShape): RequestState | undefined => {
  const token = flow.ctx.tokenInHeader
  if (token === undefined || flow.ctx.options.acceptsToken !== "session_token") return undefined
  const decision = sessionHeaderDecision(flow, token, true, keys)
  return Effect.isEffect(decision) ? undefined : decision
}

/** A token in the Authorization header. */
const headerFlow = (
  flow: Flow,
  token: string
): Effect.Effect<RequestState, never, MachineVerifyServices | JwksCache> => {
  const acceptsToken = flow.ctx.options.acceptsToken
  if (acceptsToken === "session_token") return sessionHeaderFlow(flow, token, true)
  const machineType = machineTokenType(token)
  if (acceptsToken === "any" || typeof acceptsToken !== "string") {
    // Lists were checked before; `any` takes every type.
    return machineType === undefined ? sessionHeaderFlow(flow, token, false) : machineState(flow, token, machineType)
  }
  if (machineType === undefined || machineType !== acceptsToken) {
    return Effect.succeed(machineSignedOut(flow, acceptsToken, AuthErrorReason.TokenTypeMismatch, ""))
  }
  return machineState(flow, token, machineType)
}

/**
 * The services `authenticateRequest` needs; a client's layer provides them all.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export type AuthenticateRequestServices = ClerkConfig | Sessions | Clients | JwksCache | MachineVerifyServices

/**
 * Authenticates a request. The options merge over the client's configuration as in `@clerk/backend` (see
 * `resolveOptions`). Never fails for anything the request carries; fails with {@link AuthenticateRequestError}
 * when the configuration cannot authenticate any request. The result type follows `acceptsToken`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export function authenticateRequest<const T extends ReadonlyArray<TokenType>>(
  request: Request,
  options: AuthenticateRequestOptions & { readonly acceptsToken: T }
): Effect.Effect<RequestStateFor<T[number] | null>, AuthenticateRequestError, AuthenticateRequestServices>
export function authenticateRequest<T extends TokenType>(
  request: Request,
  options: AuthenticateRequestOptions & { readonly acceptsToken: T }
): Effect.Effect<RequestStateFor<T>, AuthenticateRequestError, AuthenticateRequestServices>
export function authenticateRequest(
  request: Request,
  options: AuthenticateRequestOptions & { readonly acceptsToken: "any" }
): Effect.Effect<RequestState, AuthenticateRequestError, AuthenticateRequestServices>
export function authenticateRequest(
  request: Request,
  options?: AuthenticateRequestOptions & { readonly acceptsToken?: undefined }
): Effect.Effect<RequestStateFor<"session_token">, AuthenticateRequestError, AuthenticateRequestServices>
export function authenticateRequest(
  request: Request,
  options: AuthenticateRequestOptions
): Effect.Effect<RequestState, AuthenticateRequestError, AuthenticateRequestServices>
export function authenticateRequest(
  request: Request,
  options: AuthenticateRequestOptions = {}
): Effect.Effect<RequestState, AuthenticateRequestError, AuthenticateRequestServices> {
  return authenticate(request, options)
}

const authenticate = (
  request: Request,
  options: AuthenticateRequestOptions
): Effect.Effect<RequestState, AuthenticateRequestError, AuthenticateRequestServices> =>
  Effect.clockWith((clock) =>
    Effect.contextWithEffect((context: Context.Context<AuthenticateRequestServices>) => {
      const started = begin(
        request,
        options,
        context,
        Context.get(context, AuthPromiseRunner),
        clock.unsafeCurrentTimeMillis()
      )
      if (Either.isLeft(started)) return Effect.fail(started.left)
      const { flow, state } = started.right
      return state === undefined ? decide(flow) : Effect.succeed(state)
    })
  ).pipe(withSpanWhenTraced("clerk.authenticateRequest"))

/**
 * Where the Effect and the Promise `authenticateRequest` both start: the request prepared with a client's services
 * (`runner` runs the Auth objects' `getToken` calls) and, when the decision needs no Effect, its state (see
 * {@link decideSync}); otherwise run {@link decide} on the flow.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const begin = (
  request: Request,
  options: AuthenticateRequestOptions,
  context: Context.Context<AuthenticateRequestServices>,
  runner: PromiseRunner,
  now: number
): Either.Either<{ readonly flow: Flow; readonly state: RequestState | undefined }, AuthenticateRequestError> =>
  Either.map(
    prepare(
      request,
      options,
      Context.get(context, ClerkConfig),
      { sessions: Context.get(context, Sessions), clients: Context.get(context, Clients), runner },
      now
    ),
    (flow) => ({ flow, state: decideSync(flow, Context.get(context, JwksCache)) })
  )

/**
 * The full decision flow for a prepared request.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const decide = (
  flow: Flow
): Effect.Effect<RequestState, never, Exclude<AuthenticateRequestServices, ClerkConfig>> =>
  Effect.suspend(() => {
    const { ctx } = flow
    const acceptsToken = ctx.options.acceptsToken
    const tokenInHeader = ctx.tokenInHeader
    if (typeof acceptsToken !== "string") {
      const type = tokenInHeader === undefined ? "session_token" : (machineTokenType(tokenInHeader) ?? "session_token")
      if (!acceptsToken.includes(type)) return Effect.succeed(invalidTokenState(invalidTokenAuthObject))
    }
    if (tokenInHeader !== undefined) return headerFlow(flow, tokenInHeader)
    if (isMachineType(acceptsToken)) {
      return Effect.succeed(machineSignedOut(flow, acceptsToken, "No token in header", ""))
    }
    return cookieFlow(flow)
  })

/**
 * Whether a state is a handshake: respond with its `headers` (a redirect) and no body.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const isHandshake = (state: RequestState): state is Extract<RequestState, { readonly status: "handshake" }> =>
  state.status === AuthStatus.Handshake

/**
 * The `Location` of a handshake state, else `undefined`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const handshakeLocation = (state: RequestState): string | undefined =>
  state.status === AuthStatus.Handshake ? (state.headers.get(HeaderNames.Location) ?? undefined) : undefined

/**
 * Whether `acceptsToken` takes a token type (`"any"`, a list, or one type).
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const isTokenTypeAccepted = (type: TokenType | null, acceptsToken: AcceptsToken): boolean =>
  type !== null && accepts(type, acceptsToken)

/** The state echo type (configuration returned in every state). */
export type { StateEcho }

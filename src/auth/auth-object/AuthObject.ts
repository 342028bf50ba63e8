/**
 * Auth objects: what `requestState.toAuth()` returns, with `@clerk/backend`'s shapes.
 *
 * - {@link SignedInAuthObject} / {@link SignedOutAuthObject} for session tokens,
 * - {@link AuthenticatedMachineObject} / {@link UnauthenticatedMachineObject} for API keys, M2M and OAuth tokens,
 * - {@link InvalidTokenAuthObject} when the token's type was not accepted.
 *
 * They are plain data plus three functions: `getToken`, `has` and `debug`. `debug()` never returns a secret or a
 * whole token.
 *
 * @module
 */
import { type SessionAuthFields, type SessionClaims, sessionAuthFields, type SessionStatusClaim } from "./claims.js"
import { type CheckAuthorizationParams, createCheckAuthorization } from "./has.js"

import type { MachineTokenType } from "../machine/detect.js"

export type { MachineTokenType }
/**
 * The token types `authenticateRequest` knows.
 *
 * @since 0.1.0
 * @category Auth object
 */
export type TokenType = "session_token" | MachineTokenType

/**
 * Options of a signed-in session's `getToken`.
 *
 * @since 0.1.0
 * @category Auth object
 */
export interface GetTokenOptions {
  /** A JWT template name: mint a token from it instead of returning the session token. */
  readonly template?: string | undefined
  /** Lifetime of the minted token. */
  readonly expiresInSeconds?: number | undefined
}

/**
 * Debug data of an Auth object: status, reason and configuration, with tokens cut to a short prefix.
 *
 * @since 0.1.0
 * @category Auth object
 */
export type AuthObjectDebug = () => Readonly<Record<string, unknown>>

/**
 * Authorization check of an Auth object.
 *
 * @since 0.1.0
 * @category Auth object
 */
export type CheckAuthorization = (params: CheckAuthorizationParams) => boolean

/**
 * A signed-in session: the session fields read from its claims, plus `getToken`, `has` and `debug`.
 *
 * @since 0.1.0
 * @category Auth object
 */
export interface SignedInAuthObject extends Omit<SessionAuthFields, "sessionId"> {
  readonly tokenType: "session_token"
  readonly sessionId: string
  /** The session token, or with `template`/`expiresInSeconds` a token minted by the Backend API. */
  readonly getToken: (options?: GetTokenOptions) => Promise<string | null>
  /** Whether the session has a role, permission, feature, plan or a recent enough factor verification. */
  readonly has: CheckAuthorization
  readonly debug: AuthObjectDebug
  readonly isAuthenticated: true
}

/**
 * A signed-out session: every field null, `has()` false, `getToken()` null.
 *
 * @since 0.1.0
 * @category Auth object
 */
export interface SignedOutAuthObject {
  readonly tokenType: "session_token"
  readonly sessionClaims: null
  readonly sessionId: null
  /** `"pending"` when a pending session is treated as signed out; else null. */
  readonly sessionStatus: SessionStatusClaim | null
  readonly actor: null
  readonly userId: null
  readonly orgId: null
  readonly orgRole: null
  readonly orgSlug: null
  readonly orgPermissions: null
  readonly factorVerificationAge: null
  /** Always null: there is no session. */
  readonly getToken: (options?: GetTokenOptions) => Promise<null>
  /** Always false. */
  readonly has: CheckAuthorization
  readonly debug: AuthObjectDebug
  readonly isAuthenticated: false
}

/**
 * What a verified machine token says about its owner.
 *
 * @since 0.1.0
 * @category Auth object
 */
export interface MachineAuthData {
  readonly id: string
  readonly subject: string
  readonly scopes: ReadonlyArray<string>
  /** API keys only. */
  readonly name?: string | undefined
  /** API keys and M2M tokens. */
  readonly claims?: Readonly<Record<string, unknown>> | null | undefined
  /** OAuth tokens only. */
  readonly clientId?: string | undefined
}

interface MachineBase {
  readonly id: string
  readonly subject: string
  readonly scopes: ReadonlyArray<string>
  /** Resolves the raw machine token. */
  readonly getToken: () => Promise<string>
  /** Always false: machine tokens carry no roles or permissions. */
  readonly has: CheckAuthorization
  readonly debug: AuthObjectDebug
  readonly isAuthenticated: true
}

/**
 * A verified API key. `userId` or `orgId` is set from the key's subject.
 *
 * @since 0.1.0
 * @category Auth object
 */
export interface AuthenticatedApiKeyObject extends MachineBase {
  readonly tokenType: "api_key"
  readonly name: string
  readonly claims: Readonly<Record<string, unknown>> | null
  readonly userId: string | null
  readonly orgId: string | null
}

/**
 * A verified M2M token. `machineId` is its subject.
 *
 * @since 0.1.0
 * @category Auth object
 */
export interface AuthenticatedM2MObject extends MachineBase {
  readonly tokenType: "m2m_token"
  readonly claims: Readonly<Record<string, unknown>> | null
  readonly machineId: string
}

/**
 * A verified OAuth access token. `userId` is its subject.
 *
 * @since 0.1.0
 * @category Auth object
 */
export interface AuthenticatedOAuthObject extends MachineBase {
  readonly tokenType: "oauth_token"
  readonly userId: string
  readonly clientId: string
}

/**
 * A verified machine token, by type.
 *
 * @since 0.1.0
 * @category Auth object
 */
export type AuthenticatedMachineObject<T extends MachineTokenType = MachineTokenType> = Extract<
  AuthenticatedApiKeyObject | AuthenticatedM2MObject | AuthenticatedOAuthObject,
  { readonly tokenType: T }
>

interface UnauthenticatedMachineBase {
  readonly id: null
  readonly subject: null
  readonly scopes: null
  readonly getToken: () => Promise<null>
  readonly has: CheckAuthorization
  readonly debug: AuthObjectDebug
  readonly isAuthenticated: false
}

/**
 * A machine token that failed verification, by type: every field null.
 *
 * @since 0.1.0
 * @category Auth object
 */
export type UnauthenticatedMachineObject<T extends MachineTokenType = MachineTokenType> = Extract<
  | (UnauthenticatedMachineBase & {
      readonly tokenType: "api_key"
      readonly name: null
      readonly claims: null
      readonly userId: null
      readonly orgId: null
    })
  | (UnauthenticatedMachineBase & { readonly tokenType: "m2m_token"; readonly claims: null; readonly machineId: null })
  | (UnauthenticatedMachineBase & {
      readonly tokenType: "oauth_token"
      readonly userId: null
      readonly clientId: null
    }),
  { readonly tokenType: T }
>

/**
 * The token's type was not among the accepted ones.
 *
 * @since 0.1.0
 * @category Auth object
 */
export interface InvalidTokenAuthObject {
  readonly isAuthenticated: false
  readonly tokenType: null
  /** Always null. */
  readonly getToken: () => Promise<null>
  /** Always false. */
  readonly has: () => false
  readonly debug: AuthObjectDebug
}

/**
 * Every Auth object.
 *
 * @since 0.1.0
 * @category Auth object
 */
export type AuthObject =
  | SignedInAuthObject
  | SignedOutAuthObject
  | AuthenticatedMachineObject
  | UnauthenticatedMachineObject
  | InvalidTokenAuthObject

/**
 * Cuts a credential to a prefix that identifies its kind but cannot be replayed.
 *
 * @since 0.1.0
 * @category Auth object
 */
export const tokenPrefix = (token: string | null | undefined): string => (token ?? "").slice(0, 7)

/**
 * Builds the debug data on demand (so a request that never calls `debug()` pays nothing for it).
 *
 * @since 0.1.0
 * @category Auth object
 */
export type DebugData = () => Readonly<Record<string, unknown>>

const debugOf =
  (data: DebugData | undefined): AuthObjectDebug =>
  () => ({ ...data?.() })

const never: CheckAuthorization = () => false
const resolveNull = (): Promise<null> => Promise.resolve(null)

/**
 * Mints a token from a JWT template (or with a custom lifetime) for a session.
 *
 * @since 0.1.0
 * @category Auth object
 */
export type TokenFetcher = (
  sessionId: string,
  template: string | undefined,
  expiresInSeconds: number | undefined
) => Promise<string>

/**
 * A signed-in Auth object from verified claims (a session token always has `sid`). `fetchToken` backs
 * `getToken({ template })`; `debugData` must hold no secret.
 *
 * @since 0.1.0
 * @category Auth object
 */
export const signedInAuthObject = (params: {
  readonly token: string
  readonly claims: SessionClaims & { readonly sid: string }
  readonly fetchToken: TokenFetcher
  readonly debugData?: DebugData | undefined
}): SignedInAuthObject => {
  const fields = sessionAuthFields(params.claims)
  const sessionId = params.claims.sid
  const fea = params.claims.fea
  const pla = params.claims.pla
  return {
    tokenType: "session_token",
    ...fields,
    sessionId,
    getToken: (options = {}) => {
      if (options.template || options.expiresInSeconds !== undefined) {
        return params.fetchToken(sessionId, options.template, options.expiresInSeconds)
      }
      return Promise.resolve(params.token)
    },
    has: createCheckAuthorization({
      userId: fields.userId,
      orgId: fields.orgId,
      orgRole: fields.orgRole,
      orgPermissions: fields.orgPermissions,
      factorVerificationAge: fields.factorVerificationAge,
      features: typeof fea === "string" ? fea : "",
      plans: typeof pla === "string" ? pla : ""
    }),
    debug: debugOf(() => ({ ...params.debugData?.(), sessionToken: tokenPrefix(params.token) })),
    isAuthenticated: true
  }
}

/**
 * A signed-out Auth object; `sessionStatus` is kept when a pending session is treated as signed out.
 *
 * @since 0.1.0
 * @category Auth object
 */
export const signedOutAuthObject = (
  debugData?: DebugData,
  sessionStatus?: SessionStatusClaim | null
): SignedOutAuthObject => ({
  tokenType: "session_token",
  sessionClaims: null,
  sessionId: null,
  sessionStatus: sessionStatus ?? null,
  userId: null,
  actor: null,
  orgId: null,
  orgRole: null,
  orgSlug: null,
  orgPermissions: null,
  factorVerificationAge: null,
  getToken: resolveNull,
  has: never,
  debug: debugOf(debugData),
  isAuthenticated: false
})

/**
 * An authenticated machine Auth object for a verified machine token.
 *
 * @since 0.1.0
 * @category Auth object
 */
export function authenticatedMachineObject<T extends MachineTokenType>(
  tokenType: T,
  token: string,
  data: MachineAuthData,
  debugData?: DebugData
): AuthenticatedMachineObject<T>
export function authenticatedMachineObject(
  tokenType: MachineTokenType,
  token: string,
  data: MachineAuthData,
  debugData?: DebugData
): AuthenticatedMachineObject {
  const base = {
    id: data.id,
    subject: data.subject,
    scopes: data.scopes,
    getToken: () => Promise.resolve(token),
    has: never,
    debug: debugOf(debugData),
    isAuthenticated: true as const
  }
  switch (tokenType) {
    case "api_key":
      return {
        ...base,
        tokenType,
        name: data.name ?? "",
        claims: data.claims ?? null,
        userId: data.subject.startsWith("user_") ? data.subject : null,
        orgId: data.subject.startsWith("org_") ? data.subject : null
      }
    case "m2m_token":
      return { ...base, tokenType, claims: data.claims ?? null, machineId: data.subject }
    case "oauth_token":
      return { ...base, tokenType, userId: data.subject, clientId: data.clientId ?? "" }
  }
}

/**
 * An unauthenticated machine Auth object of the given type.
 *
 * @since 0.1.0
 * @category Auth object
 */
export function unauthenticatedMachineObject<T extends MachineTokenType>(
  tokenType: T,
  debugData?: DebugData
): UnauthenticatedMachineObject<T>
export function unauthenticatedMachineObject(
  tokenType: MachineTokenType,
  debugData?: DebugData
): UnauthenticatedMachineObject {
  const base = {
    id: null,
    subject: null,
    scopes: null,
    getToken: resolveNull,
    has: never,
    debug: debugOf(debugData),
    isAuthenticated: false as const
  }
  switch (tokenType) {
    case "api_key":
      return { ...base, tokenType, name: null, claims: null, userId: null, orgId: null }
    case "m2m_token":
      return { ...base, tokenType, claims: null, machineId: null }
    case "oauth_token":
      return { ...base, tokenType, userId: null, clientId: null }
  }
}

/**
 * The Auth object for a token whose type was not accepted.
 *
 * @since 0.1.0
 * @category Auth object
 */
export const invalidTokenAuthObject = (): InvalidTokenAuthObject => ({
  isAuthenticated: false,
  tokenType: null,
  getToken: resolveNull,
  has: () => false,
  debug: () => ({})
})

/**
 * True for a signed-in session or an authenticated machine token.
 *
 * @since 0.1.0
 * @category Auth object
 */
export const isAuthenticated = (
  auth: AuthObject | null | undefined
): auth is SignedInAuthObject | AuthenticatedMachineObject => auth?.isAuthenticated === true

/**
 * True when a machine token type.
 *
 * @since 0.1.0
 * @category Auth object
 */
export const isMachineTokenType = (type: unknown): type is MachineTokenType =>
  type === "api_key" || type === "m2m_token" || type === "oauth_token"

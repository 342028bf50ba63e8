/**
 * The result of `authenticateRequest`: signed in, signed out, or a handshake redirect, with `@clerk/backend`'s fields
 * and `toAuth()`.
 *
 * @module
 */
import type {
  AuthenticatedMachineObject,
  InvalidTokenAuthObject,
  MachineTokenType,
  SignedInAuthObject,
  SignedOutAuthObject,
  TokenType,
  UnauthenticatedMachineObject
} from "../auth-object/AuthObject.js"
import type { TokenVerificationErrorReason } from "../errors.js"
import { type AuthErrorReason, AuthStatus, HeaderNames } from "./constants.js"

/**
 * Why a request is not signed in: an {@link AuthErrorReason}, a token verification reason, or a machine code.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export type AuthReason = AuthErrorReason | TokenVerificationErrorReason | (string & {})

/**
 * Options of a signed-in session state's `toAuth()`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface PendingSessionOptions {
  /** Treat a `pending` session (tasks left to do) as signed out (default true). */
  readonly treatPendingAsSignedOut?: boolean | undefined
}

/**
 * The fields every state has.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface RequestStateBase {
  readonly proxyUrl: string
  readonly publishableKey: string
  readonly isSatellite: boolean
  readonly domain: string
  readonly signInUrl: string
  readonly signUpUrl: string
  readonly afterSignInUrl: string
  readonly afterSignUpUrl: string
  /** Headers to send with the response: `Set-Cookie`, `Location` for a handshake, and `x-clerk-auth-*` debug headers. */
  readonly headers: Headers
}

/**
 * The fields of a signed-in state.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface SignedInFields extends RequestStateBase {
  readonly status: "signed-in"
  readonly reason: null
  readonly message: null
  /** @deprecated Use `isAuthenticated`. */
  readonly isSignedIn: true
  readonly isAuthenticated: true
  readonly token: string
}

/**
 * The fields of a state that is not signed in.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface UnauthenticatedFields extends RequestStateBase {
  readonly reason: AuthReason
  readonly message: string
  /** @deprecated Use `isAuthenticated`. */
  readonly isSignedIn: false
  readonly isAuthenticated: false
  readonly token: null
}

/**
 * A signed-in session.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface SignedInSessionState extends SignedInFields {
  readonly tokenType: "session_token"
  /** The Auth object; a pending session is signed out unless `treatPendingAsSignedOut: false`. */
  readonly toAuth: (options?: PendingSessionOptions) => SignedInAuthObject | SignedOutAuthObject
}

/**
 * An authenticated machine token.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface SignedInMachineState<T extends MachineTokenType = MachineTokenType> extends SignedInFields {
  readonly tokenType: T
  /** The Auth object of the verified machine token. */
  readonly toAuth: () => AuthenticatedMachineObject<T>
}

/**
 * Signed out (session token).
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface SignedOutSessionState extends UnauthenticatedFields {
  readonly status: "signed-out"
  readonly tokenType: "session_token"
  /** The signed-out Auth object. */
  readonly toAuth: () => SignedOutAuthObject
}

/**
 * A machine token that was missing or failed verification.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface SignedOutMachineState<T extends MachineTokenType = MachineTokenType> extends UnauthenticatedFields {
  readonly status: "signed-out"
  readonly tokenType: T
  /** The unauthenticated machine Auth object. */
  readonly toAuth: () => UnauthenticatedMachineObject<T>
}

/**
 * The token's type is not among the accepted ones (`acceptsToken` list).
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface InvalidTokenState extends UnauthenticatedFields {
  readonly status: "signed-out"
  readonly reason: "token-type-mismatch"
  readonly tokenType: null
  /** The invalid-token Auth object. */
  readonly toAuth: () => InvalidTokenAuthObject
}

/**
 * The browser must be sent through Clerk's handshake: respond with `headers` (a `Location` redirect) and no body.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface HandshakeState extends UnauthenticatedFields {
  readonly status: "handshake"
  readonly tokenType: "session_token"
  /** Null: the handshake comes first. */
  readonly toAuth: () => null
}

/**
 * Every result of `authenticateRequest`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export type RequestState =
  | SignedInSessionState
  | SignedInMachineState
  | SignedOutSessionState
  | SignedOutMachineState
  | InvalidTokenState
  | HandshakeState

/**
 * The configuration echoed in every state.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export type StateEcho = Omit<RequestStateBase, "headers">

/**
 * The state echo of a request with nothing configured.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const emptyEcho: StateEcho = {
  proxyUrl: "",
  publishableKey: "",
  isSatellite: false,
  domain: "",
  signInUrl: "",
  signUpUrl: "",
  afterSignInUrl: "",
  afterSignUpUrl: ""
}

const withDebugHeaders = (headers: Headers, status: AuthStatus, reason: string, message: string): Headers => {
  const out = new Headers(headers)
  // Headers.set rejects values that are not ByteStrings (e.g. non-Latin-1 text); such a debug header is skipped.
  const trySet = (name: string, value: string) => {
    if (!value) return
    try {
      out.set(name, value)
    } catch {
      // skipped
    }
  }
  trySet(HeaderNames.AuthMessage, message)
  trySet(HeaderNames.AuthReason, reason)
  trySet(HeaderNames.AuthStatus, status)
  return out
}

const signedInBase = (echo: StateEcho, token: string, headers: Headers) => ({
  status: AuthStatus.SignedIn,
  reason: null,
  message: null,
  ...echo,
  isSignedIn: true as const,
  isAuthenticated: true as const,
  token,
  headers
})

/**
 * A signed-in session state.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const signedInSessionState = (
  echo: StateEcho,
  token: string,
  headers: Headers,
  toAuth: SignedInSessionState["toAuth"]
): SignedInSessionState => ({ ...signedInBase(echo, token, headers), tokenType: "session_token", toAuth })

/**
 * A signed-in machine token state.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const signedInMachineState = <T extends MachineTokenType>(
  echo: StateEcho,
  tokenType: T,
  token: string,
  toAuth: () => AuthenticatedMachineObject<T>
): SignedInMachineState<T> => ({ ...signedInBase(echo, token, new Headers()), tokenType, toAuth })

const signedOutBase = (echo: StateEcho, reason: AuthReason, message: string, headers: Headers) => ({
  status: AuthStatus.SignedOut,
  reason,
  message,
  ...echo,
  isSignedIn: false as const,
  isAuthenticated: false as const,
  token: null,
  headers: withDebugHeaders(headers, AuthStatus.SignedOut, reason, message)
})

/**
 * A signed-out session state, with the `x-clerk-auth-*` debug headers.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const signedOutSessionState = (
  echo: StateEcho,
  reason: AuthReason,
  message: string,
  headers: Headers,
  toAuth: SignedOutSessionState["toAuth"]
): SignedOutSessionState => ({ ...signedOutBase(echo, reason, message, headers), tokenType: "session_token", toAuth })

/**
 * A signed-out machine token state, with the `x-clerk-auth-*` debug headers.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const signedOutMachineState = <T extends MachineTokenType>(
  echo: StateEcho,
  tokenType: T,
  reason: AuthReason,
  message: string,
  toAuth: () => UnauthenticatedMachineObject<T>
): SignedOutMachineState<T> => ({ ...signedOutBase(echo, reason, message, new Headers()), tokenType, toAuth })

/**
 * The state for a token whose type was not accepted.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const invalidTokenState = (toAuth: () => InvalidTokenAuthObject): InvalidTokenState => ({
  status: AuthStatus.SignedOut,
  reason: "token-type-mismatch",
  message: "",
  ...emptyEcho,
  isSignedIn: false,
  isAuthenticated: false,
  tokenType: null,
  token: null,
  headers: withDebugHeaders(new Headers(), AuthStatus.SignedOut, "token-type-mismatch", ""),
  toAuth
})

/**
 * A handshake state, with the `x-clerk-auth-*` debug headers.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const handshakeState = (
  echo: StateEcho,
  reason: AuthReason,
  message: string,
  headers: Headers
): HandshakeState => ({
  status: AuthStatus.Handshake,
  reason,
  message,
  ...echo,
  isSignedIn: false,
  isAuthenticated: false,
  tokenType: "session_token",
  token: null,
  headers: withDebugHeaders(headers, AuthStatus.Handshake, reason, message),
  toAuth: () => null
})

/**
 * The fields `debugRequestState` returns.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface DebugRequestState {
  readonly isSignedIn: boolean
  readonly isAuthenticated: boolean
  readonly proxyUrl: string
  readonly reason: AuthReason | null
  readonly message: string | null
  readonly publishableKey: string
  readonly isSatellite: boolean
  readonly domain: string
}

/**
 * A state's debug summary (no token, no headers).
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const debugRequestState = (state: RequestState): DebugRequestState => ({
  isSignedIn: state.isSignedIn,
  isAuthenticated: state.isAuthenticated,
  proxyUrl: state.proxyUrl,
  reason: state.reason,
  message: state.message,
  publishableKey: state.publishableKey,
  isSatellite: state.isSatellite,
  domain: state.domain
})

/**
 * The states a request can end in for the accepted token type `T` (`null`: a type outside an `acceptsToken` list).
 * `"session_token"` adds the handshake.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export type RequestStateFor<T extends TokenType | null> = T extends "session_token"
  ? SignedInSessionState | SignedOutSessionState | HandshakeState
  : T extends MachineTokenType
    ? SignedInMachineState<T> | SignedOutMachineState<T>
    : InvalidTokenState

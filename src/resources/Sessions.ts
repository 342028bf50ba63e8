/**
 * Sessions: list, read, create, revoke and verify sessions; mint session tokens (optionally from a JWT template) and
 * refresh them.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  createSession,
  CreateSessionToken,
  CreateSessionTokenFromTemplate,
  GetSession,
  GetSessionList,
  RefreshSession,
  RevokeSession,
  VerifySession
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { Cookies, CreateSessionTokenResponse, Session, Token } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import type { ClerkError } from "../services/ClerkErrors.js"
import { type PaginationParams, pageSize, type StreamParams } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { Cookies, CreateSessionTokenResponse, Session, Token }

/**
 * The status of a session.
 *
 * @since 0.1.0
 * @category Resources
 */
export type SessionStatus =
  | "abandoned"
  | "active"
  | "pending"
  | "ended"
  | "expired"
  | "removed"
  | "replaced"
  | "revoked"

/**
 * Params of `sessions.getSessionList`: give `clientId` or `userId`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetSessionListParams extends PaginationParams {
  /** Sessions of this client. */
  readonly clientId?: string | undefined
  /** Sessions of this user. */
  readonly userId?: string | undefined
  readonly status?: SessionStatus | undefined
}

/**
 * Params of `sessions.createSession`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateSessionParams {
  readonly userId: string
}

/**
 * Params of `sessions.refreshSession` (already snake_case, as `@clerk/backend` takes them).
 *
 * @since 0.1.0
 * @category Resources
 */
export interface RefreshSessionParams {
  readonly expired_token: string
  readonly refresh_token: string
  readonly request_origin: string
  readonly request_originating_ip?: string | undefined
  readonly request_headers?: Readonly<Record<string, ReadonlyArray<string>>> | undefined
  /** Sent as the `suffixed_cookies` query parameter, not in the body. */
  readonly suffixed_cookies?: boolean | undefined
  /** `cookie` answers with `Cookies` instead of a `Token`. */
  readonly format?: "token" | "cookie" | undefined
}

/**
 * What `sessions.refreshSession` answers.
 *
 * @since 0.1.0
 * @category Resources
 */
export type SessionRefreshResult = Token | Cookies

const SessionList = Paginated(Session)
const LIST_PAGE = pageSize(GetSessionList)

/**
 * `sessions`: sessions and session tokens.
 *
 * @since 0.1.0
 * @category Resources
 */
export class Sessions extends Effect.Service<Sessions>()("effect-clerk/Sessions", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const getSessionList = (params: GetSessionListParams = {}) =>
      api.execute(GetSessionList, SessionList, { query: { ...params, paginated: true } })

    /** `POST /sessions/{session_id}/refresh` */
    function refreshSession(
      sessionId: string,
      params: RefreshSessionParams & { readonly format: "cookie" }
    ): Effect.Effect<Cookies, ClerkError>
    function refreshSession(
      sessionId: string,
      params: RefreshSessionParams & { readonly format?: "token" | undefined }
    ): Effect.Effect<Token, ClerkError>
    function refreshSession(
      sessionId: string,
      params: RefreshSessionParams
    ): Effect.Effect<SessionRefreshResult, ClerkError>
    function refreshSession(
      sessionId: string,
      params: RefreshSessionParams
    ): Effect.Effect<SessionRefreshResult, ClerkError> {
      const { suffixed_cookies, ...body } = params
      const values = { pathParams: { session_id: sessionId }, query: { suffixed_cookies }, body }
      return params.format === "cookie"
        ? api.execute(RefreshSession, Cookies, values)
        : api.execute(RefreshSession, Token, values)
    }

    return {
      /** `GET /sessions` (sends `paginated=true`) */
      getSessionList,
      /** Every session matching the filters, page by page (`GET /sessions`). */
      getSessionListStream: (params: StreamParams<GetSessionListParams> = {}) =>
        streamPages(LIST_PAGE, (page) => getSessionList({ ...params, ...page })),
      /** `GET /sessions/{session_id}` */
      getSession: (sessionId: string) => api.decode(GetSession, { pathParams: { session_id: sessionId } }),
      /** `POST /sessions` */
      createSession: (params: CreateSessionParams) => api.decode(createSession, { body: params }),
      /** `POST /sessions/{session_id}/revoke` */
      revokeSession: (sessionId: string) => api.decode(RevokeSession, { pathParams: { session_id: sessionId } }),
      /** `POST /sessions/{session_id}/verify` (not in the spec; kept as `@clerk/backend` sends it) */
      verifySession: (sessionId: string, token: string) =>
        api.decode(VerifySession, {
          pathParams: { session_id: sessionId },
          body: { token }
        }),
      /**
       * `POST /sessions/{session_id}/tokens`, or `POST /sessions/{session_id}/tokens/{template_name}` with a template.
       * `expires_in_seconds` is sent only when given.
       */
      getToken: (sessionId: string, template?: string | undefined, expiresInSeconds?: number | undefined) =>
        template
          ? api.execute(CreateSessionTokenFromTemplate, CreateSessionTokenResponse, {
              pathParams: { session_id: sessionId, template_name: template },
              body: expiresInSeconds === undefined ? undefined : { expiresInSeconds }
            })
          : api.execute(CreateSessionToken, CreateSessionTokenResponse, {
              pathParams: { session_id: sessionId },
              body: expiresInSeconds === undefined ? undefined : { expiresInSeconds }
            }),
      /** `POST /sessions/{session_id}/refresh`: a new session token, or cookies with `format: "cookie"`. */
      refreshSession
    }
  })
}) {}

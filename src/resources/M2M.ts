/**
 * Machine-to-machine tokens. Calls authenticate with the machine secret key when one is configured (else the secret
 * key), or with a per-call `machineSecretKey`; the endpoints live outside `/v1`.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { CreateM2MTokenResponse, MachineToMachineToken } from "../models/generated/schemas.js"
import { createM2MToken, getM2MTokens, revokeM2MToken, verifyM2MToken } from "../models/generated/descriptors.js"
import { BackendApi } from "../services/BackendApi.js"
import { bind } from "./internal/bind.js"
import { type PaginationParams, pageSize, type StreamParams } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { CreateM2MTokenResponse, MachineToMachineToken }

/**
 * An M2M token, under `@clerk/backend`'s name.
 *
 * @since 0.1.0
 * @category Resources
 */
export type M2MToken = MachineToMachineToken

/**
 * The token formats `m2m.createToken` can mint.
 *
 * @since 0.1.0
 * @category Resources
 */
export type M2MTokenFormat = "opaque" | "jwt"

/**
 * A per-call machine secret key (`ak_…`), sent instead of the configured keys.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface MachineSecretKeyParam {
  readonly machineSecretKey?: string | undefined
}

/**
 * Params of `m2m.list`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetM2MTokenListParams extends PaginationParams, MachineSecretKeyParam {
  /** The machine id whose tokens to list. */
  readonly subject: string
  /** Include revoked tokens (default false). */
  readonly revoked?: boolean | undefined
  /** Include expired tokens (default false). */
  readonly expired?: boolean | undefined
}

/**
 * Params of `m2m.createToken`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateM2MTokenParams extends MachineSecretKeyParam {
  /** Lifetime in seconds; `null` (the default) uses the machine's default. */
  readonly secondsUntilExpiration?: number | null | undefined
  /** Custom claims; `null` by default. */
  readonly claims?: Readonly<Record<string, unknown>> | null | undefined
  /** Reuse a live opaque token with at least this many seconds left instead of minting one. */
  readonly minRemainingTtlSeconds?: number | undefined
  /** `"opaque"` (the default) or `"jwt"`. */
  readonly tokenFormat?: M2MTokenFormat | undefined
}

/**
 * Params of `m2m.revokeToken`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface RevokeM2MTokenParams extends MachineSecretKeyParam {
  readonly m2mTokenId: string
  /** Kept for your records; sent as `null` when left out. */
  readonly revocationReason?: string | null | undefined
}

/**
 * Params of `m2m.verify`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface VerifyM2MTokenParams extends MachineSecretKeyParam {
  readonly token: string
}

/** The `{ m2m_tokens, total_count }` list, as `{ data, totalCount }`. */
const M2MTokenList = Schema.Struct({
  data: Schema.mutable(Schema.Array(MachineToMachineToken)).pipe(
    Schema.propertySignature,
    Schema.fromKey("m2m_tokens")
  ),
  totalCount: Schema.Number.pipe(Schema.propertySignature, Schema.fromKey("total_count"))
})

const LIST_PAGE = pageSize(getM2MTokens)

/** A per-call machine secret key as the bearer; the descriptors send the configured machine key otherwise. */
const perCallKey = (machineSecretKey: string | undefined): Redacted.Redacted<string> | undefined =>
  machineSecretKey ? Redacted.make(machineSecretKey) : undefined

/**
 * `m2m`: create, list, revoke and verify machine-to-machine tokens.
 *
 * @since 0.1.0
 * @category Resources
 */
export class M2M extends Effect.Service<M2M>()("effect-clerk/M2M", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const list = ({ machineSecretKey, ...query }: GetM2MTokenListParams) =>
      api.execute(getM2MTokens, M2MTokenList, { query, bearer: perCallKey(machineSecretKey) })
    return {
      /** `GET /m2m_tokens` */
      list,
      /** Every M2M token of a machine, page by page (`GET /m2m_tokens`). */
      listStream: (params: StreamParams<GetM2MTokenListParams>) =>
        streamPages(LIST_PAGE, (page) => list({ ...params, ...page })),
      /** `POST /m2m_tokens` */
      createToken: (params: CreateM2MTokenParams = {}) => {
        const {
          claims = null,
          machineSecretKey,
          minRemainingTtlSeconds,
          secondsUntilExpiration = null,
          tokenFormat = "opaque"
        } = params
        return api.decode(createM2MToken, {
          body: { secondsUntilExpiration, claims, minRemainingTtlSeconds, tokenFormat },
          bearer: perCallKey(machineSecretKey)
        })
      },
      /** `POST /m2m_tokens/{m2m_token_id}/revoke` */
      revokeToken: ({ m2mTokenId, machineSecretKey, revocationReason = null }: RevokeM2MTokenParams) =>
        api.decode(revokeM2MToken, {
          pathParams: { m2m_token_id: m2mTokenId },
          body: { revocationReason },
          bearer: perCallKey(machineSecretKey)
        }),
      /** `POST /m2m_tokens/verify` (JWT-format tokens are posted too; `verifyMachineToken` verifies them locally). */
      verify: ({ machineSecretKey, token }: VerifyM2MTokenParams) =>
        api.execute(verifyM2MToken, MachineToMachineToken, {
          body: { token },
          bearer: perCallKey(machineSecretKey)
        })
    }
  })
}) {}

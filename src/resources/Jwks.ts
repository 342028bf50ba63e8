/**
 * The instance's JSON Web Key Set (`GET /jwks`).
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { GetJWKS } from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { BackendApi } from "../services/BackendApi.js"

/**
 * One public key of the JWKS (kept as sent; only the fields token verification reads are typed).
 *
 * @since 0.1.0
 * @category Resources
 */
export const JsonWebKey = Schema.Struct(
  {
    kid: Schema.String,
    kty: Schema.String,
    alg: Schema.optional(Schema.String),
    use: Schema.optional(Schema.String),
    n: Schema.optional(Schema.String),
    e: Schema.optional(Schema.String)
  },
  Schema.Record({ key: Schema.String, value: Schema.Unknown })
)

/**
 * The JWKS document `{ keys: [...] }`, returned as sent (like `@clerk/backend`'s raw JwksJSON).
 *
 * @since 0.1.0
 * @category Resources
 */
export const JwksDocument = Schema.Struct({ keys: Schema.Array(JsonWebKey) })
/** The JWKS document. */
export type JwksDocument = typeof JwksDocument.Type

/**
 * `jwks`: reads the instance's public signing keys.
 *
 * @since 0.1.0
 * @category Resources
 */
export class Jwks extends Effect.Service<Jwks>()("effect-clerk/Jwks", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /** `GET /jwks` */
      getJwks: () => api.execute(GetJWKS, JwksDocument)
    }
  })
}) {}

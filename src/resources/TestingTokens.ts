/**
 * Testing tokens: let end-to-end test runners bypass bot protection.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { CreateTestingToken } from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { TestingToken } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export { TestingToken }

/**
 * `testingTokens`: testing tokens for end-to-end tests.
 *
 * @since 0.1.0
 * @category Resources
 */
export class TestingTokens extends Effect.Service<TestingTokens>()("effect-clerk/TestingTokens", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /** `POST /testing_tokens` */
      createTestingToken: () => api.decode(CreateTestingToken)
    }
  })
}) {}

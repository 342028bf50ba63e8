/**
 * The request pipeline over a scripted fake HTTP client, as the pipeline, observability and secrets suites (and the
 * resource suites, through their samples) build it, and the helpers they share.
 *
 * @module
 */
import { Effect, Exit, Layer, Schema } from "effect"
import * as FakeHttp from "../../src/testing/FakeHttp.js"
import * as BackendApi from "../../src/services/BackendApi.js"
import * as ClerkConfig from "../../src/services/ClerkConfig.js"

/** `BackendApi` with its `ClerkConfig` and the fake HTTP client (and its Recorder), all in the output. */
export const pipelineLayer = (handler: FakeHttp.FakeHandler, options: ClerkConfig.ClerkOptions) =>
  BackendApi.layer.pipe(Layer.provideMerge(ClerkConfig.layer(options)), Layer.provideMerge(FakeHttp.layer(handler)))

/** Every request the fake received so far. */
export const recorded = Effect.flatMap(FakeHttp.Recorder, (recorder) => recorder.requests)

/** The typed failure of `effect` (dies when it succeeds or fails otherwise). */
export const failureOf = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.flatMap(Effect.exit(effect), (exit) =>
    Exit.isFailure(exit) && exit.cause._tag === "Fail"
      ? Effect.succeed(exit.cause.error)
      : Effect.dieMessage(`expected a failure, got ${exit._tag}`)
  )

const Thing = Schema.Struct({ id: Schema.String })

/** One `GET /things/{id}` call through the pipeline (`request` overrides any part), decoding `{ id }`. */
export const call = (request: Partial<BackendApi.ApiRequest> = {}) =>
  Effect.flatMap(BackendApi.BackendApi, (api) =>
    api.execute(
      { operation: "test.call", method: "GET", path: "/things/{id}", pathParams: { id: "t_1" }, ...request },
      Thing
    )
  )

/**
 * The one way resources reach the pipeline: a generated operation descriptor (method, path, versionless, auth) plus a
 * call's values becomes an {@link ApiRequest}. The descriptor names the operation (`resource.method`, the span name);
 * resources give only what the caller supplied, so nothing about the endpoint is typed by hand.
 *
 * @internal
 */
import type * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import type * as Schema from "effect/Schema"
import type { DescriptorAuth, OperationDescriptor } from "../../models/internal/descriptor.js"
import type { ApiRequest, BackendApiShape, Casing, QueryValue } from "../../services/BackendApi.js"
import type { ClerkError } from "../../services/ClerkErrors.js"

/** A value for each placeholder of the descriptor's path, and no other key. */
export type PathValues<D extends OperationDescriptor> = { readonly [K in D["pathParams"][number]]: unknown }

/** What a call supplies besides the path values. */
export interface CallValues {
  readonly query?: Readonly<Record<string, QueryValue>> | undefined
  readonly body?: unknown
  readonly casing?: Casing | undefined
  readonly formData?: FormData | undefined
  /** Wins over the descriptor's auth (e.g. endpoints that send the secret key only when there is one). */
  readonly auth?: DescriptorAuth | undefined
  readonly bearer?: Redacted.Redacted<string> | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Wins over the descriptor's operation name: for an alias method, or a request made on behalf of another method. */
  readonly operation?: string | undefined
}

/** The values of a call: `pathParams` is required exactly when the path has placeholders. */
export type CallArgs<D extends OperationDescriptor> = D["pathParams"] extends readonly []
  ? [values?: CallValues]
  : [values: CallValues & { readonly pathParams: PathValues<D> }]

/** What any call may supply (the path values typed loosely). */
type AnyCallValues = CallValues & { readonly pathParams?: Readonly<Record<string, unknown>> | undefined }

/** The request a descriptor and a call's values describe (each field copied by name: no spread per call). */
export const request = <D extends OperationDescriptor>(descriptor: D, ...args: CallArgs<D>): ApiRequest => {
  const values: AnyCallValues | undefined = args[0]
  if (values === undefined) {
    return {
      operation: descriptor.operation,
      method: descriptor.method,
      path: descriptor.path,
      versionless: descriptor.versionless,
      auth: descriptor.auth
    }
  }
  return {
    operation: values.operation ?? descriptor.operation,
    method: descriptor.method,
    path: descriptor.path,
    versionless: descriptor.versionless,
    auth: values.auth ?? descriptor.auth,
    pathParams: values.pathParams,
    query: values.query,
    body: values.body,
    casing: values.casing,
    formData: values.formData,
    bearer: values.bearer,
    headers: values.headers
  }
}

/** The pipeline's methods, taking a descriptor instead of a hand-written request. */
export interface Bound {
  /** Sends the call and decodes the 2xx body with `schema`. */
  readonly execute: <D extends OperationDescriptor, A, I>(
    descriptor: D,
    schema: Schema.Schema<A, I, never>,
    ...values: CallArgs<D>
  ) => Effect.Effect<A, ClerkError>
  /** Sends the call and decodes the 2xx body with the descriptor's own success schema. */
  readonly decode: <D extends OperationDescriptor & { readonly success: Schema.Schema.AnyNoContext }>(
    descriptor: D,
    ...values: CallArgs<D>
  ) => Effect.Effect<Schema.Schema.Type<D["success"]>, ClerkError>
  /** Sends the call and returns the parsed JSON body as it is. */
  readonly json: <D extends OperationDescriptor>(
    descriptor: D,
    ...values: CallArgs<D>
  ) => Effect.Effect<unknown, ClerkError>
  /** Sends the call and returns the 2xx body as text. */
  readonly text: <D extends OperationDescriptor>(
    descriptor: D,
    ...values: CallArgs<D>
  ) => Effect.Effect<string, ClerkError>
  /** Sends the call and ignores the 2xx body. */
  readonly void: <D extends OperationDescriptor>(
    descriptor: D,
    ...values: CallArgs<D>
  ) => Effect.Effect<void, ClerkError>
}

/** The descriptor's success schema, typed by what it decodes to. */
const successOf = <S extends Schema.Schema.AnyNoContext>(descriptor: {
  readonly success: S
}): Schema.Schema<Schema.Schema.Type<S>, Schema.Schema.Encoded<S>, never> => descriptor.success

/** Binds the descriptor-taking methods to a pipeline. */
export const bind = (api: BackendApiShape): Bound => ({
  execute: (descriptor, schema, ...values) => api.execute(request(descriptor, ...values), schema),
  decode: <D extends OperationDescriptor & { readonly success: Schema.Schema.AnyNoContext }>(
    descriptor: D,
    ...values: CallArgs<D>
  ) => api.execute(request(descriptor, ...values), successOf(descriptor)),
  json: (descriptor, ...values) => api.executeJson(request(descriptor, ...values)),
  text: (descriptor, ...values) => api.executeText(request(descriptor, ...values)),
  void: (descriptor, ...values) => api.executeVoid(request(descriptor, ...values))
})

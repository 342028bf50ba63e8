/**
 * The JSON a model instance was decoded from, as received: the decoder keeps it in the instance's own `_raw`
 * property (see observe.ts). Typed as the wire shape the spec declares; a field that drifted is as Clerk sent it.
 *
 * @internal
 */
export const receivedJson = <Encoded>(instance: object): Encoded | undefined => {
  const descriptor = Object.getOwnPropertyDescriptor(instance, "_raw")
  return descriptor === undefined ? undefined : (descriptor.value as Encoded)
}

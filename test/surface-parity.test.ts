/**
 * The Promise surface against @clerk/backend 3.25.0: every API property and method of its client exists on ours.
 */
import { createClerkClient as createReferenceClient } from "@clerk/backend"
import { describe, expect, it } from "vitest"
import { createClerkClient } from "../src/promise/createClerkClient.js"

const SECRET = "sk_test_surfaceParity0000"

const methodsOf = (value: unknown): ReadonlyArray<string> => {
  if (typeof value !== "object" || value === null) return []
  const names = new Set<string>()
  for (
    let proto: object | null = value;
    proto !== null && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === "constructor" || (name.startsWith("_") && name !== "__experimental_accountlessApplications"))
        continue
      const descriptor = Object.getOwnPropertyDescriptor(proto, name)
      if (descriptor !== undefined && typeof descriptor.value === "function") names.add(name)
    }
  }
  return [...names]
}

describe("Promise client surface vs @clerk/backend 3.25.0", () => {
  const reference = createReferenceClient({ secretKey: SECRET })
  const ours = createClerkClient({ secretKey: SECRET })

  it("has every API property and every method @clerk/backend has", () => {
    const missing: Array<string> = []
    let count = 0
    for (const [property, api] of Object.entries(reference)) {
      const methods = methodsOf(api)
      if (methods.length === 0) continue
      const mine: unknown = Reflect.get(ours, property)
      for (const method of methods) {
        if (method.startsWith("request") || method === "requireId") continue
        count++
        const fn = typeof mine === "object" && mine !== null ? Reflect.get(mine, method) : undefined
        if (typeof fn !== "function") missing.push(`${property}.${method}`)
      }
    }
    expect(missing).toEqual([])
    // 192 API methods in 3.25.0 (plus the jwks and deprecated aliases it also exposes).
    expect(count).toBeGreaterThanOrEqual(192)
  })

  it("has the client-level members too", () => {
    for (const name of ["authenticateRequest", "debugRequestState", "telemetry"]) {
      expect(name in ours, name).toBe(true)
    }
  })
})

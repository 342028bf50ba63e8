// `npm run test:package`: imports the BUILT package through its own name and `exports` map (as an installed copy would
// be imported, with plain node and no TypeScript loader), then runs a short round trip against the fake backend.
import assert from "node:assert/strict"
import { existsSync } from "node:fs"

const root = await import("effect-clerk")
const webhooks = await import("effect-clerk/webhooks")
const testing = await import("effect-clerk/testing")
const express = await import("effect-clerk/express")

for (const name of [
  "createClerkClient",
  "clerkClient",
  "ClerkAPIResponseError",
  "isClerkAPIResponseError",
  "verifyToken",
  "verifyWebhook",
  "TokenVerificationError",
  "Users",
  "Organizations",
  "ClerkLive",
  "operations"
]) {
  assert.ok(name in root, `effect-clerk exports ${name}`)
}
assert.equal(root.operations.length, 249)
assert.equal(typeof webhooks.verifyWebhook, "function")
assert.equal(typeof testing.FakeServer.start, "function")
assert.equal(typeof express.clerkMiddleware, "function")
// (Not an identity check with the root: Bun maps this repository's own "effect-clerk" to src/ through tsconfig paths.)
assert.throws(() => express.getAuth({}), /The clerkMiddleware should be registered before using getAuth/)
for (const file of ["index", "auth/webhooks/index", "testing/index", "auth/middleware/node"].flatMap((f) => [
  `dist/esm/${f}.d.ts`,
  `dist/cjs/${f}.d.ts`
])) {
  assert.ok(existsSync(new URL(`../${file}`, import.meta.url)), `${file} exists`)
}

const server = await testing.FakeServer.start()
try {
  const clerk = root.createClerkClient(server.clientOptions)
  const user = await clerk.users.createUser({ emailAddress: ["pkg@example.com"], firstName: "Pack" })
  assert.equal((await clerk.users.getUser(user.id)).firstName, "Pack")
  const error = await clerk.users.getUser("user_missing").catch((e) => e)
  assert.ok(root.isClerkAPIResponseError(error) && error.status === 404)
  const token = server.fake.mintSessionToken({ userId: user.id })
  const claims = await root.verifyToken(token, { jwtKey: server.clientOptions.jwtKey })
  assert.equal(claims.sub, user.id)
  await clerk.dispose()
} finally {
  await server.close()
}
console.log(`package check ok (${process.release?.name ?? "js"} ${process.version ?? ""})`)

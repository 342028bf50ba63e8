// The edge smoke: runs inside the runtime under test (bundled with the built package, no node: imports). Given the
// fixtures the host signed, it checks verifyToken (networkless, jwtKey and a JWKS JSON key), authenticateRequest on a
// cookie request, verifyWebhook of a signed delivery, and one API call through createClerkClient with a fetch mock.
import { createClerkClient, verifyToken } from "../../dist/esm/index.js"
import { verifyWebhook } from "../../dist/esm/auth/webhooks/index.js"

const check = (ok, what) => {
  if (!ok) throw new Error(`smoke: ${what}`)
}

export const smoke = async (f) => {
  const claims = await verifyToken(f.token, { jwtKey: f.jwtKey })
  check(claims.sub === f.userId, `verifyToken sub ${claims.sub}`)
  const bad = await verifyToken(`${f.token.slice(0, -4)}AAAA`, { jwtKey: f.jwtKey }).then(
    () => "accepted",
    (e) => e?.reason ?? String(e)
  )
  check(bad !== "accepted", "a tampered token is refused")

  const calls = []
  const fetchMock = async (input, init) => {
    const request = new Request(input, init)
    calls.push(
      `${request.method} ${new URL(request.url).pathname} ${request.headers.get("authorization") === `Bearer ${f.secretKey}`}`
    )
    return new Response(JSON.stringify(f.user), { status: 200, headers: { "content-type": "application/json" } })
  }
  const clerk = createClerkClient({
    secretKey: f.secretKey,
    publishableKey: f.publishableKey,
    jwtKey: f.jwtKey,
    fetch: fetchMock
  })
  const user = await clerk.users.getUser(f.userId)
  check(user.id === f.userId && user.firstName === f.user.first_name, `getUser ${user.id}`)
  check(calls.length === 1 && calls[0] === `GET /v1/users/${f.userId} true`, `fetch calls ${JSON.stringify(calls)}`)

  const request = new Request("http://localhost:3000/dashboard", {
    headers: { cookie: `__session=${f.token}; __client_uat=${f.iat}; __clerk_db_jwt=dvb_smoke`, host: "localhost:3000" }
  })
  const state = await clerk.authenticateRequest(request, { authorizedParties: ["http://localhost:3000"] })
  check(state.isSignedIn === true, `authenticateRequest: ${state.status} ${state.reason} ${state.message}`)
  check(state.toAuth().userId === f.userId, `authenticateRequest userId ${state.toAuth().userId}`)
  await clerk.dispose()

  const event = await verifyWebhook(
    new Request("http://localhost/webhooks", { method: "POST", headers: f.webhook.headers, body: f.webhook.body }),
    { signingSecret: f.webhookSecret }
  )
  check(event.type === "user.created" && event.data.id === f.userId, `verifyWebhook ${event.type}`)
  const forged = await verifyWebhook(
    new Request("http://localhost/webhooks", {
      method: "POST",
      headers: f.webhook.headers,
      body: f.webhook.body.replace(f.userId, "user_other")
    }),
    { signingSecret: f.webhookSecret }
  ).then(
    () => "accepted",
    () => "refused"
  )
  check(forged === "refused", "a forged webhook is refused")
  return "ok"
}

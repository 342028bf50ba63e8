import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { main } from "../examples/resources.js"
import { docsFile, renderResourceDocs } from "../scripts/generate-resource-docs.js"

describe("examples/resources.ts (the README's resource examples)", () => {
  it("runs one call per documented resource against the fake backend on loopback", async () => {
    const lines = await main()
    const resources = lines.map((line) => line.slice(0, line.indexOf(":")))
    expect(resources).toEqual([
      "users",
      "organizations",
      "billing",
      "allowlistIdentifiers",
      "apiKeys",
      "domains",
      "sessions",
      "clients",
      "invitations",
      "redirectUrls",
      "emailAddresses",
      "phoneNumbers",
      "samlConnections",
      "signInTokens",
      "agentTasks",
      "testingTokens",
      "m2m",
      "oauthApplications"
    ])
    expect(lines).toContain("users: Ada Lovelace")
    expect(lines).toContain("m2m: token verified")
  })

  it("docs/resources.md is generated from these examples and up to date (npm run generate:docs)", () => {
    expect(readFileSync(docsFile, "utf8")).toBe(renderResourceDocs())
    expect(renderResourceDocs()).toContain("## M2M tokens")
  })
})

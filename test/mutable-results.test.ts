import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import type { ClerkClient } from "../src/index.js"
import type { Invitation, OrganizationMembership, User } from "../src/models/generated/schemas.js"
import * as S from "../src/models/generated/schemas.js"
import { Paginated } from "../src/models/internal/paginated.js"

// Type-level: result arrays are assignable to mutable arrays, as with `@clerk/backend`. Never called; `tsc` checks it.
// biome-ignore lint/suspicious/noExportsInTest: exported so tsc type-checks it without an unused-declaration error
export const assignsToMutableArrays = async (clerk: ClerkClient) => {
  const memberships = await clerk.users.getOrganizationMembershipList({ userId: "user_1" })
  const m: OrganizationMembership[] = memberships.data
  const users = await clerk.users.getUserList()
  const u: User[] = users.data
  const invitations = await clerk.invitations.getInvitationList()
  const i: Invitation[] = invitations.data
  return [m, u, i]
}

describe("mutable result arrays", () => {
  it("a decoded page's data is a plain array the caller may push to", () => {
    const page = Schema.decodeUnknownSync(Paginated(Schema.String))({ data: ["a"], total_count: 1 })
    const data: string[] = page.data
    data.push("b")
    expect(page.data).toEqual(["a", "b"])
  })

  it("generated array fields are mutable arrays", () => {
    const list = Schema.decodeUnknownSync(S.OrganizationList)({ data: [], total_count: 0 })
    const data: S.Organization[] = list.data
    expect(Array.isArray(data)).toBe(true)
  })
})

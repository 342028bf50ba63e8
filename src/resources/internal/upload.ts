/**
 * Multipart uploads (`users.updateUserProfileImage`, `organizations.updateOrganizationLogo`).
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import { ClerkInvalidRequestError } from "../../services/ClerkErrors.js"

/**
 * A multipart body with `file` plus the string fields that are set (empty strings are left out, as `@clerk/backend`
 * does). Anything but a `Blob`/`File` as `file` fails with a {@link ClerkInvalidRequestError} before any request.
 */
export const uploadForm = (
  file: unknown,
  fields: Readonly<Record<string, string | undefined>> = {}
): Effect.Effect<FormData, ClerkInvalidRequestError> => {
  if (!(file instanceof Blob)) {
    return Effect.fail(new ClerkInvalidRequestError({ reason: "file must be a Blob or File", param: "file" }))
  }
  const formData = new FormData()
  formData.append("file", file)
  for (const [name, value] of Object.entries(fields)) {
    if (value) formData.append(name, value)
  }
  return Effect.succeed(formData)
}

/**
 * The audience rule for OAuth access tokens, shared by the Backend API verify call (`idPOAuthAccessToken.verify`) and
 * local JWT verification (`verifyMachineToken`); it sits below both.
 *
 * @module
 */

const asList = (value: string | ReadonlyArray<string> | undefined): ReadonlyArray<string> =>
  value === undefined || value === "" ? [] : typeof value === "string" ? [value] : value

/**
 * Checks a token's `aud` against the accepted audiences. Returns `undefined` when it passes (or when no audience is
 * required), else a message saying why it does not.
 */
export const oauthAudienceProblem = (
  aud: string | ReadonlyArray<string> | undefined,
  audience: string | ReadonlyArray<string> | undefined
): string | undefined => {
  const accepted = asList(audience).filter((a) => a !== "")
  if (accepted.length === 0) return undefined
  const actual = asList(aud)
  if (actual.length === 0 || actual.some((a) => a === "")) {
    return `The OAuth token has no usable audience claim (aud): ${JSON.stringify(aud)}.`
  }
  return actual.some((a) => accepted.includes(a))
    ? undefined
    : `OAuth audience mismatch: expected one of ${JSON.stringify(accepted)}, the token has ${JSON.stringify(aud)}.`
}

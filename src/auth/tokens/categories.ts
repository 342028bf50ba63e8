/**
 * Clerk's JWT category header (`cat`): which kind of token a JWT is.
 *
 * @module
 */

/** `cat` of a session token. */
export const SESSION_TOKEN_CATEGORY = "cl_B7d4PD111AAA"
/** `cat` of a JWT-template token. */
export const JWT_TEMPLATE_CATEGORY = "cl_B7d4PD222AAA"
/** `cat` of an M2M JWT; `verifyToken` rejects it. */
export const M2M_TOKEN_CATEGORY = "cl_B7d4PD333AAA"
/** `cat` that session checks ignore. */
export const IGNORED_CATEGORY = "cl_I7d4PD111III"

/** True when `cat` is present and is neither the session nor the ignored category. */
export const isNonSessionCategory = (cat: unknown): boolean =>
  cat !== undefined && cat !== SESSION_TOKEN_CATEGORY && cat !== IGNORED_CATEGORY

/**
 * Clerk's JWT category header (`cat`): which kind of token a JWT is.
 *
 * @module
 */

/**
 * `cat` of a session token.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const SESSION_TOKEN_CATEGORY = "cl_B7d4PD111AAA"
/**
 * `cat` of a JWT-template token.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const JWT_TEMPLATE_CATEGORY = "cl_B7d4PD222AAA"
/**
 * `cat` of an M2M JWT; `verifyToken` rejects it.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const M2M_TOKEN_CATEGORY = "cl_B7d4PD333AAA"
/**
 * `cat` that session checks ignore.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const IGNORED_CATEGORY = "cl_I7d4PD111III"

/**
 * True when `cat` is present and is neither the session nor the ignored category.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const isNonSessionCategory = (cat: unknown): boolean =>
  cat !== undefined && cat !== SESSION_TOKEN_CATEGORY && cat !== IGNORED_CATEGORY

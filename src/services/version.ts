/**
 * The package name sent in the default User-Agent.
 *
 * @since 0.1.0
 * @category Pipeline
 */
export const PACKAGE_NAME = "effect-clerk"
/**
 * The package version sent in the default User-Agent (kept equal to package.json by a test).
 *
 * @since 0.1.0
 * @category Pipeline
 */
export const PACKAGE_VERSION = "0.1.0"

/** The package name sent in the default User-Agent. */
export const PACKAGE_NAME = "effect-clerk"
/** The package version sent in the default User-Agent (kept equal to package.json by a test). */
export const PACKAGE_VERSION = "0.1.0"

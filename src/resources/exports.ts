/**
 * The resource services, exported by name from the package root.
 *
 * @module
 */
export { Jwks, JwksDocument } from "./Jwks.js"

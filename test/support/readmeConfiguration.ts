// Effect users: the configuration from options, from a Config per option, or from Clerk's environment variables.
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { Config, Redacted } from "effect"
import { ClerkConfig, ClerkLive, ClerkLiveConfig, ClerkLiveFromEnv } from "effect-clerk"

// Options: secrets as Redacted (plain strings are accepted too); kept Redacted inside either way.
export const fromOptions = ClerkLive({ secretKey: Redacted.make(process.env["MY_CLERK_SECRET"] ?? "") })

// A Config per option (any name, any ConfigProvider). A missing or malformed value fails the layer with a ConfigError
// that names the variable or the option, never the secret.
export const fromConfig = ClerkLiveConfig({
  secretKey: Config.redacted("MY_CLERK_SECRET"),
  apiUrl: Config.string("MY_CLERK_API_URL").pipe(Config.withDefault("https://api.clerk.com")),
  retry: Config.all({ maxRetries: Config.integer("MY_CLERK_RETRIES").pipe(Config.withDefault(3)) })
})

// The same over Clerk's names (CLERK_SECRET_KEY, CLERK_PUBLISHABLE_KEY, CLERK_API_URL, ...); options given here win.
export const fromEnv = ClerkLiveFromEnv({ timeout: "10 seconds" })

// transformClient wraps the HttpClient that every attempt of every Backend API call goes through.
export const tagged = ClerkLiveFromEnv({
  transformClient: HttpClient.mapRequest(HttpClientRequest.setHeader("x-request-source", "billing-worker"))
})

// Only the configuration, to compose with BackendApi.layer over an HttpClient of your own.
export const configOnly = ClerkConfig.layerConfig({ secretKey: Config.redacted("MY_CLERK_SECRET") })

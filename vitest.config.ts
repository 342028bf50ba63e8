import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  // Examples and the README import the package by name, as users do; in this repo the name is the source.
  resolve: {
    alias: [
      { find: /^effect-clerk$/, replacement: source("./src/index.ts") },
      { find: /^effect-clerk\/webhooks$/, replacement: source("./src/auth/webhooks/index.ts") },
      { find: /^effect-clerk\/testing$/, replacement: source("./src/testing/index.ts") }
    ]
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "threads",
    poolOptions: { threads: { maxThreads: 2, minThreads: 1 } }
  }
})

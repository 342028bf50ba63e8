import { defineConfig } from "vitest/config"

// `npm run test:load`: the heavy load suite, not part of `npm test`. One forked process with the GC exposed, so heap
// is measured after a full collection.
export default defineConfig({
  test: {
    include: ["test/load/**/*.load.ts"],
    testTimeout: 600_000,
    hookTimeout: 30_000,
    pool: "forks",
    poolOptions: { forks: { singleFork: true, execArgv: ["--expose-gc"] } }
  }
})

/**
 * ts-jest in transpile-only mode: type errors are `npm run lint`'s job (tsc --noEmit), which keeps
 * the suite fast. Tests live in __tests__/ mirroring src/.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { diagnostics: false }],
  },
  moduleFileExtensions: ["ts", "js", "json"],
  maxWorkers: 2,
};

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
  // Jest's default of 5 s is a timing assertion in disguise: on two busy cores a full synth,
  // or the WebAssembly start-up of Graphviz (@viz-js/viz) and HashiCorp's HCL tools, has taken
  // longer and failed tests that were correct. 60 s still stops a test that hangs.
  testTimeout: 60_000,
};

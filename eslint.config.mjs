// Lint rules that carry project decisions, not just style:
// - no-console: output goes through src/synth/log.ts (stderr), so stdout stays machine-readable.
// - no-restricted-imports: the provider's barrel loads ~2,200 resource modules (~1.3 s, ~490 MiB)
//   and makes tsc and ts-jest several times slower; import each resource by its deep path.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "cdktf.out/", ".build/", ".gen/", "coverage/", "dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.mjs", "**/*.js"],
    rules: {
      "no-console": "error",
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@cdktf/provider-aws",
              message: "Import the resource's deep path, e.g. @cdktf/provider-aws/lib/vpc.",
            },
            {
              name: "@cdktf/provider-aws/lib",
              message: "Import the resource's deep path, e.g. @cdktf/provider-aws/lib/vpc.",
            },
            { name: "@cdktf/provider-aws/lib/index", message: "Import the resource's deep path." },
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", module: "writable", require: "readonly" } },
  },
);

import convexPlugin from "@convex-dev/eslint-plugin";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

// Raw Convex builders are only for convex/lib/functions.ts: everything else must go through the
// tenant guard. Type-only imports (e.g. `DatabaseReader`) stay allowed.
const RAW_BUILDERS = [
  "query",
  "mutation",
  "action",
  "internalQuery",
  "internalMutation",
  "internalAction",
  "httpAction",
];
const rawBuilderImport = {
  name: "",
  importNames: RAW_BUILDERS,
  allowTypeImports: true,
  message: "Build Convex functions with the builders from convex/lib/functions.ts (tenant guard + RLS).",
};
const generatedServerPaths = ["./_generated/server", "../_generated/server", "../../_generated/server", "@/convex/_generated/server", "convex/_generated/server"];

export default tseslint.config(
  {
    ignores: [".next/**", "node_modules/**", "convex/_generated/**", "next-env.d.ts", "test-results/**", ".data/**"],
  },
  ...nextVitals,
  ...nextTypescript,
  ...convexPlugin.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        { paths: generatedServerPaths.map((name) => ({ ...rawBuilderImport, name })) },
      ],
    },
  },
  {
    files: ["convex/lib/functions.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);

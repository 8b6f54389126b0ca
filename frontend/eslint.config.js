import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules", "src/gql/**", "dist"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser }, ecmaVersion: 2022 },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/consistent-type-imports": "error",
      // Indexed access is `T | undefined` (noUncheckedIndexedAccess): `!` marks the checked cases.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Amounts are decimal strings: Number()/parseFloat on them loses cents. Counts use Number.isFinite etc.
      "no-restricted-globals": ["error", { name: "parseFloat", message: "Amounts are decimal strings: use lib/money.ts" }],
    },
  },
  {
    files: ["*.config.{js,ts}", "codegen.ts"],
    languageOptions: { globals: { ...globals.node } },
  },
);

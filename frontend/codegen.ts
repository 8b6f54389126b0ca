import type { CodegenConfig } from "@graphql-codegen/cli";

// Types of every operation written with graphql() under src/, from the API's SDL.
// A schema change that breaks an operation fails `npm run codegen` (and `npm run typecheck`).
const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "./src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: {
          Date: "string",
          DateTime: "string",
          Decimal: "string",
          Upload: "File",
          // A layout definition (or any JSON value): read through a checking function, never trusted as typed.
          JSON: "unknown",
        },
      },
    },
  },
};

export default config;

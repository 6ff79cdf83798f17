import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Frameworks, the database and the server layer are off limits for the pure domain code. */
const DOMAIN_RESTRICTED = {
  patterns: [
    {
      group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"],
      message: "src/domain is framework-free.",
    },
    { group: ["@prisma/*", "@/generated/*", "server-only"], message: "src/domain must not touch the database." },
    {
      group: ["@/server/*", "**/server/*", "@/app/*", "@/components/*", "@/features/*"],
      message: "Imports point app -> server -> domain, never back.",
    },
    { group: ["node:*", "fs", "path", "child_process"], message: "src/domain does no I/O." },
  ],
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "src/generated/**",
      "data/**",
      "coverage/**",
      "playwright-report/**",
      "test-results/**",
      "next-env.d.ts",
      "prisma/.generated/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration from src/env.ts." },
      ],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    ignores: ["src/domain/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", DOMAIN_RESTRICTED],
      "no-restricted-globals": ["error", { name: "fetch", message: "src/domain does no I/O." }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Pass a clock in; src/domain is deterministic.",
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: "Pass randomness in; src/domain is deterministic.",
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Pass a clock in; src/domain is deterministic.",
        },
      ],
    },
  },
  {
    files: ["src/env.ts", "scripts/**", "tests/**", "**/*.test.ts", "*.config.*", "playwright.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);

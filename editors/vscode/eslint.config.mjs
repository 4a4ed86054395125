import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "out/**", "node_modules/**", "scripts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.ts"],
    rules: {
      curly: "error",
      eqeqeq: "error",
      "no-throw-literal": "error",
      "@typescript-eslint/no-floating-promises": "off",
    },
  },
);

// Copies the generated grammar and the language configuration from grammar/ (their single
// source, made by scripts/gen_tmlanguage.py) into the extension before bundling.
const fs = require("fs");
const path = require("path");
const root = path.resolve(__dirname, "..", "..", "..");
const ext = path.resolve(__dirname, "..");
fs.mkdirSync(path.join(ext, "syntaxes"), { recursive: true });
fs.copyFileSync(path.join(root, "grammar", "unres.tmLanguage.json"), path.join(ext, "syntaxes", "unres.tmLanguage.json"));
fs.copyFileSync(path.join(root, "grammar", "language-configuration.json"), path.join(ext, "language-configuration.json"));

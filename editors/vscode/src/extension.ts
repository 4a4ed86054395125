// VS Code client for unlsp, the language server for drafting United Nations resolutions.
//
// Finds the server (setting `unlsp.server.path`, else `unlsp` on PATH), starts it as
// `unlsp serve --stdio`, and hands it the documents of language `unres` plus the plain-text
// and Markdown files that match `unlsp.attachTo`. The server options under `unlsp.*` that
// the user set reach the server through `workspace/configuration` and
// `workspace/didChangeConfiguration`.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import { registerCompare } from "./compare";
import { registerCheckDocument } from "./checkDocument";
import { registerExportAkn } from "./exportAkn";
import {
  DidChangeConfigurationNotification,
  DocumentSelector,
  Executable,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";

export const LANGUAGE_ID = "unres";
/** Settings whose change needs a new server process (the others are sent live). */
const RESTART_SETTINGS = ["unlsp.server.path", "unlsp.server.extraArgs", "unlsp.attachTo"];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let traceOutput: vscode.OutputChannel | undefined;
let starting: Promise<void> | undefined;
let extensionUri: vscode.Uri | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionUri = context.extensionUri;
  output = vscode.window.createOutputChannel("unlsp");
  traceOutput = vscode.window.createOutputChannel("unlsp (trace)");
  context.subscriptions.push(output, traceOutput);

  context.subscriptions.push(
    vscode.commands.registerCommand("unlsp.restartServer", () => restart()),
    vscode.commands.registerCommand("unlsp.showOutput", () => output?.show(true)),
    // "unlsp: Compare with…" (compare.ts) runs `unlsp diff` itself, not through the server.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) {
        log("server settings changed: restarting");
        void restart();
      } else if (client && SERVER_OPTIONS.some((k) => e.affectsConfiguration(`unlsp.${k}`))) {
        void client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { unlsp: serverSettings() },
        });
      }
    }),
    // A plain `.txt` that starts like a UN document opens as `unres` (VS Code's `firstLine`
    // does not override the `.txt` → plaintext association).
    vscode.workspace.onDidOpenTextDocument((doc) => void detectUnDocument(doc)),
  );
  for (const doc of vscode.workspace.textDocuments) {
    void detectUnDocument(doc);
  }
  registerCompare(context, resolveServer);
  registerCheckDocument(context, resolveServer);
  registerExportAkn(context, () => client);

  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

function log(message: string): void {
  output?.appendLine(`[${new Date().toISOString()}] ${message}`);
}

// ---------------------------------------------------------------------------------------
// Finding the server

/** Expands `~`, `${workspaceFolder}` and `${userHome}` in a configured path. */
function expandPath(p: string): string {
  let out = p.trim();
  const home = os.homedir();
  if (out === "~" || out.startsWith("~/")) {
    out = path.join(home, out.slice(1));
  }
  out = out.replace(/\$\{userHome\}/g, home);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder) {
    out = out.replace(/\$\{workspaceFolder\}/g, folder);
    if (!path.isAbsolute(out) && out.includes(path.sep)) {
      out = path.resolve(folder, out);
    }
  }
  return out;
}

function isExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      return false;
    }
    if (process.platform === "win32") {
      return true;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name: string): string | undefined {
  const exts = process.platform === "win32" ? (process.env.PATHEXT ?? ".EXE").split(";") : [""];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) {
      continue;
    }
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/** The server executable, or an explanation of why there is none. */
export function resolveServer(): { path?: string; error?: string } {
  const configured = vscode.workspace.getConfiguration("unlsp").get<string>("server.path", "");
  if (configured && configured.trim()) {
    const p = expandPath(configured);
    if (isExecutable(p)) {
      return { path: p };
    }
    const onPath = !p.includes("/") && !p.includes("\\") ? findOnPath(p) : undefined;
    if (onPath) {
      return { path: onPath };
    }
    return { error: `The setting unlsp.server.path is "${configured}", but no executable file is there.` };
  }
  const onPath = findOnPath("unlsp");
  if (onPath) {
    return { path: onPath };
  }
  return { error: "The unlsp language server was not found: unlsp.server.path is not set and there is no `unlsp` on PATH." };
}

/** The "server not found" notice while it is open: one at a time, never awaited by start(),
 * so that "Restart Language Server" and a new unlsp.server.path work while it is shown. */
let missingNotice: Promise<void> | undefined;

function reportMissingServer(message: string): void {
  log(message);
  if (missingNotice) {
    return;
  }
  missingNotice = (async () => {
    const choice = await vscode.window.showErrorMessage(
      `${message} Install it (\`cargo install --path .\` in the unlsp repository) or set unlsp.server.path, then run "unlsp: Restart Language Server".`,
      "Open Settings",
      "Installation instructions",
    );
    if (choice === "Open Settings") {
      await openServerPathSetting();
    } else if (choice === "Installation instructions" && extensionUri) {
      // The extension's README (shipped in the .vsix) has the installation steps: works offline.
      await vscode.commands.executeCommand("markdown.showPreview", vscode.Uri.joinPath(extensionUri, "README.md"));
    }
  })().finally(() => {
    missingNotice = undefined;
  });
}

/** The Settings editor on unlsp.server.path, where it applies: with a remote extension host
 * (code-server, Remote-SSH, WSL) the setting is machine-overridable and read on the remote,
 * so the Remote tab; else the User tab. */
export async function openServerPathSetting(): Promise<void> {
  const query = "unlsp.server.path";
  if (vscode.env.remoteName) {
    try {
      await vscode.commands.executeCommand("workbench.action.openRemoteSettings", { query });
      return;
    } catch (err) {
      log(`opening the remote settings: ${String(err)}`);
    }
  }
  await vscode.commands.executeCommand("workbench.action.openSettings", query);
}

// ---------------------------------------------------------------------------------------
// Client life cycle

function documentSelector(): DocumentSelector {
  const selector: DocumentSelector = [
    { language: LANGUAGE_ID, scheme: "file" },
    { language: LANGUAGE_ID, scheme: "untitled" },
  ];
  const globs = vscode.workspace.getConfiguration("unlsp").get<string[]>("attachTo", []);
  for (const pattern of globs) {
    if (typeof pattern === "string" && pattern.trim()) {
      selector.push({ language: "plaintext", scheme: "file", pattern });
      selector.push({ language: "markdown", scheme: "file", pattern });
    }
  }
  return selector;
}

/** The server's options (section `unlsp`); their defaults live in the server
 * (`src/server/settings.rs`, which generates their entries in package.json). */
const SERVER_OPTIONS = ["language", "rules", "exclude", "debounceMs", "maxFileSize", "referenceFolders"];

/** The server options the user set, and only those: the server's defaults and
 * the project's `unlsp.toml` apply to the rest. */
function serverSettings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration("unlsp");
  const set: Record<string, unknown> = {};
  for (const key of SERVER_OPTIONS) {
    const i = c.inspect(key);
    const v = i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
    if (v !== undefined) {
      set[key] = v;
    }
  }
  return set;
}

async function start(): Promise<void> {
  if (starting) {
    return starting;
  }
  const attempt = (async () => {
    const found = resolveServer();
    if (!found.path) {
      reportMissingServer(found.error ?? "The unlsp language server was not found.");
      return;
    }
    const extraArgs = vscode.workspace.getConfiguration("unlsp").get<string[]>("server.extraArgs", []);
    const run: Executable = {
      command: found.path,
      args: ["serve", ...extraArgs],
      transport: TransportKind.stdio, // appends --stdio
      options: { env: { ...process.env, RUST_BACKTRACE: "1" } },
    };
    const serverOptions: ServerOptions = { run, debug: run };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(),
      outputChannel: output,
      traceOutputChannel: traceOutput,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: serverSettings(),
      // settings reach the server as the user set them (never package.json's
      // defaults): pulled through this middleware, pushed on change below
      middleware: {
        workspace: {
          configuration: (params, token, next) =>
            params.items.every((item) => item.section === "unlsp")
              ? params.items.map(() => serverSettings())
              : next(params, token),
        },
      },
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{unres,txt,md}"),
      },
      diagnosticCollectionName: "unlsp",
    };
    log(`starting ${found.path} ${run.args?.join(" ")} --stdio`);
    const c = new LanguageClient("unlsp", "unlsp", serverOptions, clientOptions);
    c.onDidChangeState((e) => {
      log(`server state: ${State[e.oldState]} → ${State[e.newState]}`);
    });
    client = c;
    try {
      await c.start();
      const info = c.initializeResult?.serverInfo;
      log(`server started${info ? `: ${info.name} ${info.version ?? ""}` : ""}`);
    } catch (err) {
      log(`server failed to start: ${String(err)}`);
      void vscode.window
        .showErrorMessage(`unlsp: the language server ${found.path} failed to start. See the output channel.`, "Show Output")
        .then((choice) => {
          if (choice) {
            output?.show(true);
          }
        });
    }
  })();
  starting = attempt;
  try {
    await attempt;
  } finally {
    if (starting === attempt) {
      starting = undefined;
    }
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.state !== State.Stopped) {
    try {
      await c.stop(2000);
    } catch (err) {
      log(`stopping the server: ${String(err)}`);
    }
  }
}

async function restart(): Promise<void> {
  log("restarting the server");
  // a start under way finishes first (it never waits on the user), then a new one begins
  await starting?.catch(() => undefined);
  await stop();
  await start();
}

// ---------------------------------------------------------------------------------------
// Recognising UN documents among plain-text files

/** True when the beginning of a text looks like a UN resolution or draft. */
export function looksLikeUnDocument(head: string): boolean {
  if (/^\uFEFF?%%%[A-Z]/.test(head)) {
    return true; // corpus metadata line (structure.md §2.1)
  }
  const author =
    /(^|\n)\s*(The (General Assembly|Security Council|Economic and Social Council|Human Rights Council),|(大会|安全理事会|经济及社会理事会|人权理事会)\s*，|L['’]Assemblée générale,|La Asamblea General,|Генеральная Ассамблея,|إن الجمعية العامة،)/;
  const masthead =
    /(^|\n)\s*(United Nations|联\s*合\s*国|Nations Unies|Naciones Unidas)\s*(\n\s*)*[A-Z]{1,6}\/[A-Za-z0-9./-]*\d|Distr\.:\s*(General|Limited|Restricted)/;
  const adoption = /Resolution adopted by the (General Assembly|Security Council)|大会决议|draft resolution/;
  return author.test(head) || (masthead.test(head) && adoption.test(head)) || (masthead.test(head) && /\n\s*\d+\.\s/.test(head));
}

/** The files this session switched to `unres` (by URI). Switched once only: when the user
 * sets such a document back to Plain Text, VS Code reopens it as `plaintext` (a close and an
 * open event), and switching it again would revert the user's choice. */
const switched = new Set<string>();

async function detectUnDocument(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId !== "plaintext" || doc.uri.scheme !== "file") {
    return;
  }
  const key = doc.uri.toString();
  if (switched.has(key)) {
    return; // the user chose Plain Text after the switch
  }
  if (!vscode.workspace.getConfiguration("unlsp", doc.uri).get<boolean>("detectPlainText", true)) {
    return;
  }
  const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 80), 0)).slice(0, 6000);
  if (looksLikeUnDocument(head)) {
    log(`${doc.uri.fsPath} looks like a UN document: language unres`);
    switched.add(key);
    await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  }
}

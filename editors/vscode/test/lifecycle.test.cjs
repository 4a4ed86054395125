// Unit test of the extension's start/restart life cycle with the vscode API and
// vscode-languageclient mocked (issue 25.2): no VS Code needed, `node --test`.
//
// Seen in code-server: while the "server not found" notice was open, "unlsp: Restart
// Language Server" and a new unlsp.server.path did nothing (start() awaited the notice, and
// restart got the same pending promise back); the notice's "Open Settings" opened the User
// tab while the machine-overridable setting applies on the Remote tab.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const os = require("os");
const path = require("path");
const Module = require("module");
const esbuild = require("esbuild");

const ROOT = path.join(__dirname, "..");
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "unlsp-vscode-unit-"));
const BUNDLE = path.join(TMP, "extension.js");
esbuild.buildSync({
  entryPoints: [path.join(ROOT, "src/extension.ts")],
  bundle: true,
  platform: "node",
  format: "cjs",
  outfile: BUNDLE,
  external: ["vscode", "vscode-languageclient/node"],
  logLevel: "error",
});
// a stand-in server: only its existence and execute bit matter here
const FAKE_SERVER = path.join(TMP, "unlsp");
fs.writeFileSync(FAKE_SERVER, "#!/bin/sh\nexit 0\n", { mode: 0o755 });

/** A fresh mocked world and a fresh copy of the extension module. */
function load({ serverPath = "/nonexistent/unlsp", remoteName = undefined } = {}) {
  const world = {
    config: { "server.path": serverPath, "server.extraArgs": [], attachTo: [], detectPlainText: true },
    notices: [], // { message, buttons, answer(choice) }
    commands: new Map(),
    executed: [],
    configListeners: [],
    openListeners: [], // onDidOpenTextDocument
    languageSet: [], // [uri, language] set by the extension
    clients: [],
    requests: [], // [type, params] sent by the client
    opened: [], // documents opened by the extension
    shown: [], // [document, options]
    activeTextEditor: undefined,
    answer: async () => null, // what the server answers a request
  };
  const disposable = { dispose() {} };
  const vscode = {
    env: { remoteName },
    window: {
      createOutputChannel: () => ({ appendLine() {}, show() {}, dispose() {} }),
      get activeTextEditor() {
        return world.activeTextEditor;
      },
      async showTextDocument(doc, options) {
        world.shown.push([doc, options]);
      },
      showErrorMessage(message, ...buttons) {
        // stays open until the test answers it, as a notice does until the user clicks
        return new Promise((resolve) => world.notices.push({ message, buttons, answer: resolve }));
      },
    },
    commands: {
      registerCommand(id, fn) {
        world.commands.set(id, fn);
        return disposable;
      },
      async executeCommand(id, ...args) {
        world.executed.push([id, ...args]);
      },
    },
    workspace: {
      workspaceFolders: undefined,
      textDocuments: [],
      getConfiguration: () => ({
        get: (key, def) => (key in world.config ? world.config[key] : def),
        inspect: () => undefined,
      }),
      onDidChangeConfiguration(fn) {
        world.configListeners.push(fn);
        return disposable;
      },
      onDidOpenTextDocument(fn) {
        world.openListeners.push(fn);
        return disposable;
      },
      async openTextDocument(what) {
        world.opened.push(what);
        return what;
      },
      createFileSystemWatcher: () => disposable,
    },
    languages: {
      async setTextDocumentLanguage(doc, language) {
        world.languageSet.push([doc.uri.toString(), language]);
        // as VS Code does: the document is closed and opened again in the new language
        const reopened = { ...doc, languageId: language };
        for (const fn of world.openListeners) fn(reopened);
        return reopened;
      },
    },
    Uri: { joinPath: (u, ...p) => ({ path: [u.path, ...p].join("/") }) },
    Range: class {},
    ViewColumn: { Beside: -2 },
  };
  const State = { Stopped: 1, Starting: 3, Running: 2, 1: "Stopped", 2: "Running", 3: "Starting" };
  const lc = {
    State,
    TransportKind: { stdio: 0 },
    RevealOutputChannelOn: { Never: 4 },
    DidChangeConfigurationNotification: { type: {} },
    ExecuteCommandRequest: { type: { method: "workspace/executeCommand" } },
    LanguageClient: class {
      constructor(id, name, serverOptions) {
        this.serverOptions = serverOptions;
        this.state = State.Stopped;
        world.clients.push(this);
      }
      onDidChangeState() {
        return disposable;
      }
      async start() {
        this.state = State.Running;
      }
      async stop() {
        this.state = State.Stopped;
      }
      sendNotification() {}
      async sendRequest(type, params) {
        world.requests.push([type, params]);
        return world.answer(type, params);
      }
    },
  };
  const realLoad = Module._load;
  Module._load = function (request, ...rest) {
    if (request === "vscode") return vscode;
    if (request === "vscode-languageclient/node") return lc;
    return realLoad.call(this, request, ...rest);
  };
  try {
    delete require.cache[BUNDLE];
    world.ext = require(BUNDLE);
  } finally {
    Module._load = realLoad;
  }
  world.context = { extensionUri: { path: "/ext" }, subscriptions: [] };
  world.changeConfig = (key, value) => {
    world.config[key] = value;
    for (const fn of world.configListeners) {
      fn({ affectsConfiguration: (s) => s === `unlsp.${key}` || `unlsp.${key}`.startsWith(s + ".") });
    }
  };
  return world;
}

/** `p`, or "timeout" after `ms`. */
function within(p, ms = 1000) {
  return Promise.race([p.then(() => "done"), new Promise((r) => setTimeout(() => r("timeout"), ms))]);
}

async function until(pred, ms = 2000) {
  const deadline = Date.now() + ms;
  while (!pred() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
  }
  return pred();
}

test("activation does not wait for the 'server not found' notice", async () => {
  const w = load();
  assert.strictEqual(await within(w.ext.activate(w.context)), "done");
  assert.strictEqual(w.notices.length, 1);
  assert.match(w.notices[0].message, /unlsp\.server\.path/);
});

test("setting unlsp.server.path while the notice is open starts the server", async () => {
  const w = load();
  await within(w.ext.activate(w.context));
  w.changeConfig("server.path", FAKE_SERVER);
  assert.ok(await until(() => w.clients.length === 1), "no client started after the setting changed");
  assert.strictEqual(w.clients[0].serverOptions.run.command, FAKE_SERVER);
  assert.strictEqual(w.clients[0].state, 2);
});

test("'Restart Language Server' while the notice is open starts the server", async () => {
  const w = load();
  await within(w.ext.activate(w.context));
  w.config["server.path"] = FAKE_SERVER; // e.g. installed meanwhile, setting unchanged
  assert.strictEqual(await within(w.commands.get("unlsp.restartServer")()), "done");
  assert.strictEqual(w.clients.length, 1);
  // still no second notice while the first is open
  assert.strictEqual(w.notices.length, 1);
});

test("a restart with no server shows no second notice while one is open", async () => {
  const w = load();
  await within(w.ext.activate(w.context));
  assert.strictEqual(await within(w.commands.get("unlsp.restartServer")()), "done");
  assert.strictEqual(w.notices.length, 1);
  w.notices[0].answer(undefined); // closed
  await new Promise((r) => setTimeout(r, 10));
  await within(w.commands.get("unlsp.restartServer")());
  assert.strictEqual(w.notices.length, 2);
});

test("'Open Settings' opens unlsp.server.path on the Remote tab with a remote host", async () => {
  const w = load({ remoteName: "127.0.0.1:8080" });
  await within(w.ext.activate(w.context));
  w.notices[0].answer("Open Settings");
  assert.ok(await until(() => w.executed.length > 0));
  assert.deepStrictEqual(w.executed[0], ["workbench.action.openRemoteSettings", { query: "unlsp.server.path" }]);
});

test("'Open Settings' opens unlsp.server.path in the Settings editor locally", async () => {
  const w = load();
  await within(w.ext.activate(w.context));
  w.notices[0].answer("Open Settings");
  assert.ok(await until(() => w.executed.length > 0));
  assert.deepStrictEqual(w.executed[0], ["workbench.action.openSettings", "unlsp.server.path"]);
});

test("'Export Akoma Ntoso' asks the server for the draft's XML and opens it beside", async () => {
  const w = load({ serverPath: FAKE_SERVER });
  await within(w.ext.activate(w.context));
  const uri = { toString: () => "file:///ws/draft.unres" };
  w.activeTextEditor = { document: { uri } };
  const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso/>\n';
  w.answer = async () => xml;
  await w.commands.get("unlsp.exportAkomaNtoso")();
  assert.strictEqual(w.requests.length, 1);
  assert.strictEqual(w.requests[0][0].method, "workspace/executeCommand");
  assert.deepStrictEqual(w.requests[0][1], { command: "unlsp.exportAkn", arguments: ["file:///ws/draft.unres"] });
  assert.deepStrictEqual(w.opened, [{ language: "xml", content: xml }]);
  assert.strictEqual(w.shown[0][1].viewColumn, -2);
  assert.strictEqual(w.notices.length, 0);
});

test("'Export Akoma Ntoso' says so when the server gives no XML", async () => {
  const w = load({ serverPath: FAKE_SERVER });
  await within(w.ext.activate(w.context));
  w.activeTextEditor = { document: { uri: { toString: () => "file:///ws/closed.unres" } } };
  w.answer = async () => null; // the document is not open in the server
  await w.commands.get("unlsp.exportAkomaNtoso")();
  assert.strictEqual(w.opened.length, 0);
  assert.match(w.notices[0].message, /no XML/);
});

/** A text document as the detection reads it. */
function textDocument(name, text, languageId = "plaintext") {
  const lines = text.split("\n");
  return {
    uri: { scheme: "file", fsPath: `/ws/${name}`, toString: () => `file:///ws/${name}` },
    languageId,
    lineCount: lines.length,
    getText: () => text,
  };
}

const UN_TEXT = "United Nations A/RES/61/100\n\nGeneral Assembly Distr.: General\n\nResolution adopted by the General Assembly\n\nThe General Assembly,\n\n1. Decides to remain seized of the matter.\n";

test("a .txt that looks like a UN document is switched to unres, once", async () => {
  const w = load({ serverPath: FAKE_SERVER });
  await within(w.ext.activate(w.context));
  const doc = textDocument("detect.txt", UN_TEXT);
  for (const fn of w.openListeners) fn(doc);
  assert.ok(await until(() => w.languageSet.length === 1));
  assert.deepStrictEqual(w.languageSet[0], ["file:///ws/detect.txt", "unres"]);
  // the user sets it back to Plain Text: VS Code reopens it as plaintext
  for (const fn of w.openListeners) fn(textDocument("detect.txt", UN_TEXT, "plaintext"));
  await new Promise((r) => setTimeout(r, 50));
  assert.strictEqual(w.languageSet.length, 1, "the extension reverted the user's choice of Plain Text");
  // another file is still detected; a plain note is left alone
  for (const fn of w.openListeners) fn(textDocument("other.txt", UN_TEXT));
  for (const fn of w.openListeners) fn(textDocument("notes.txt", "Shopping list\n- bread\n"));
  assert.ok(await until(() => w.languageSet.length === 2));
  await new Promise((r) => setTimeout(r, 50));
  assert.deepStrictEqual(w.languageSet.map((l) => l[0]), ["file:///ws/detect.txt", "file:///ws/other.txt"]);
});

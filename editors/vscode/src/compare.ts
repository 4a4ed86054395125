// "unlsp: Compare with…": the open draft against another file or the version in git (HEAD,
// a tag, any revision). Runs `unlsp diff OLD CURRENT --format json` (the buffer as it
// stands, saved or not), marks the changed paragraphs with information diagnostics
// ("changed since HEAD: 3 words", "moved from 7") and opens the HTML compilation
// (`--format html`) in a webview beside the draft.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";

interface Position {
  line: number;
  column: number;
}
interface Paragraph {
  kind: string;
  label: string | null;
  range: { start: Position; end: Position };
}
interface Change {
  kind: string;
  message: string;
  words_changed: number;
  old: Paragraph[];
  new: Paragraph[];
  /** the new paragraph before the change: where a deleted paragraph stood */
  after?: Paragraph[];
}
interface DiffJson {
  same: boolean;
  changes: Change[];
}

let diagnostics: vscode.DiagnosticCollection | undefined;

/** Registers the command; `server()` gives the unlsp executable or why there is none. */
export function registerCompare(
  context: vscode.ExtensionContext,
  server: () => { path?: string; error?: string },
): void {
  // the collection is made on first use: activation stays as it was without a comparison
  const collection = (): vscode.DiagnosticCollection => {
    if (!diagnostics) {
      diagnostics = vscode.languages.createDiagnosticCollection("unlsp-compare");
      context.subscriptions.push(diagnostics);
    }
    return diagnostics;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand("unlsp.compareWith", () => compareWith(server, collection())),
    vscode.commands.registerCommand("unlsp.clearComparison", () => diagnostics?.clear()),
  );
}

function run(cmd: string, args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, maxBuffer: 256 << 20, encoding: "utf8" }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 2) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Writes `text` to a new temporary file named like `name`. */
function temp(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "unlsp-compare-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** The file at `rev` in git, written to a temporary file; its label for messages. */
async function fromGit(file: string, rev: string): Promise<{ path?: string; error?: string }> {
  const dir = path.dirname(file);
  const top = await run("git", ["rev-parse", "--show-toplevel"], dir);
  if (top.code !== 0) {
    return { error: `${file} is not in a git repository` };
  }
  const rel = path.relative(top.stdout.trim(), file).split(path.sep).join("/");
  const shown = await run("git", ["show", `${rev}:${rel}`], dir);
  if (shown.code !== 0) {
    return { error: `git show ${rev}:${rel}: ${shown.stderr.trim()}` };
  }
  return { path: temp(`${rev.replace(/[^\w.-]/g, "_")}-${path.basename(file)}`, shown.stdout) };
}

/** Asks what to compare with: a file, HEAD, or a revision; the old file and its label. */
async function pickOld(file: string): Promise<{ path?: string; label?: string; error?: string } | undefined> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: "Another file…", id: "file" },
      { label: "HEAD (last commit)", id: "head" },
      { label: "A tag or revision…", id: "rev" },
    ],
    { placeHolder: "Compare the draft with…" },
  );
  if (!choice) {
    return undefined;
  }
  if (choice.id === "file") {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, defaultUri: vscode.Uri.file(path.dirname(file)) });
    return picked?.[0] ? { path: picked[0].fsPath, label: path.basename(picked[0].fsPath) } : undefined;
  }
  const rev = choice.id === "head" ? "HEAD" : await vscode.window.showInputBox({ prompt: "Tag, branch or commit" });
  if (!rev) {
    return undefined;
  }
  const got = await fromGit(file, rev);
  return { ...got, label: rev };
}

function toRange(doc: vscode.TextDocument, p: Paragraph): vscode.Range {
  const line = Math.min(Math.max(p.range.start.line - 1, 0), Math.max(doc.lineCount - 1, 0));
  return doc.lineAt(line).range;
}

/** One information diagnostic per change, on the new paragraph (a deleted one: on the
 * paragraph before where it stood, the first line at the start). */
export function toDiagnostics(doc: vscode.TextDocument, json: DiffJson, label: string): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  for (const c of json.changes) {
    const at = c.new[0] ?? c.after?.[0];
    const where = at ? toRange(doc, at) : doc.lineAt(0).range;
    const d = new vscode.Diagnostic(where, `since ${label}: ${c.message}`, vscode.DiagnosticSeverity.Information);
    d.source = "unlsp diff";
    d.code = c.kind;
    out.push(d);
  }
  return out;
}

async function compareWith(
  server: () => { path?: string; error?: string },
  marks: vscode.DiagnosticCollection,
): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== "file") {
    void vscode.window.showErrorMessage("unlsp: open a draft saved on disk to compare it.");
    return;
  }
  const exe = server();
  if (!exe.path) {
    void vscode.window.showErrorMessage(exe.error ?? "unlsp not found");
    return;
  }
  const doc = editor.document;
  const old = await pickOld(doc.uri.fsPath);
  if (!old) {
    return;
  }
  if (!old.path) {
    void vscode.window.showErrorMessage(`unlsp: ${old.error}`);
    return;
  }
  const current = temp(path.basename(doc.uri.fsPath), doc.getText());
  const json = await run(exe.path, ["diff", old.path, current, "--format", "json"]);
  if (json.code === 2) {
    void vscode.window.showErrorMessage(`unlsp diff: ${json.stderr.trim()}`);
    return;
  }
  const parsed = JSON.parse(json.stdout) as DiffJson;
  marks.set(doc.uri, toDiagnostics(doc, parsed, old.label ?? "the other version"));
  const html = await run(exe.path, ["diff", old.path, current, "--format", "html"]);
  const panel = vscode.window.createWebviewPanel(
    "unlspCompilation",
    `Compilation: ${path.basename(doc.uri.fsPath)} since ${old.label}`,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: false },
  );
  panel.webview.html = html.stdout;
  if (parsed.same) {
    void vscode.window.showInformationMessage(`unlsp: the same in substance as ${old.label}.`);
  }
}

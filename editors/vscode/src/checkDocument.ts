// "unlsp: Check Word or PDF document…": a .docx or a .pdf chosen in a
// file dialog is converted by `unlsp convert FILE --to txt`, opened read-only beside the
// current editor, and checked by `unlsp check FILE --format json`, whose diagnostics go to
// the Problems list on the converted text (their ranges refer to that text). The language
// server is not involved: the document is not a file it could edit.

import { execFile } from "child_process";
import * as vscode from "vscode";

const SCHEME = "unlsp-converted";

/** The converted texts, by the URI of their read-only documents. */
const texts = new Map<string, string>();

type Resolve = () => { path?: string; error?: string };

interface CheckJson {
  files: {
    path: string;
    diagnostics: {
      code: string;
      severity: string;
      message: string;
      range: { start: { offset: number }; end: { offset: number } };
    }[];
  }[];
}

/** Registers the command; the provider of the read-only texts and the diagnostics are
 * made at its first use. */
export function registerCheckDocument(context: vscode.ExtensionContext, resolveServer: Resolve): void {
  let diagnostics: vscode.DiagnosticCollection | undefined;
  const collection = (): vscode.DiagnosticCollection => {
    if (!diagnostics) {
      const made = vscode.languages.createDiagnosticCollection("unlsp-documents");
      const provider: vscode.TextDocumentContentProvider = {
        provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? "",
      };
      context.subscriptions.push(
        made,
        vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
        vscode.workspace.onDidCloseTextDocument((doc) => {
          if (doc.uri.scheme === SCHEME) {
            texts.delete(doc.uri.toString());
            made.delete(doc.uri);
          }
        }),
      );
      diagnostics = made;
    }
    return diagnostics;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand("unlsp.checkDocument", (file?: vscode.Uri) =>
      checkDocument(file, resolveServer, collection()),
    ),
  );
}

function run(exe: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(exe, args, { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === "number" ? error.code : error ? 2 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function checkDocument(
  file: vscode.Uri | undefined,
  resolveServer: Resolve,
  collection: vscode.DiagnosticCollection,
): Promise<void> {
  const server = resolveServer();
  if (!server.path) {
    void vscode.window.showErrorMessage(server.error ?? "unlsp was not found.");
    return;
  }
  if (!file) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: "Check",
      filters: { "Word or PDF documents": ["docx", "pdf"] },
    });
    file = picked?.[0];
  }
  if (!file) {
    return;
  }
  const converted = await run(server.path, ["convert", file.fsPath, "--to", "txt"]);
  if (converted.code !== 0) {
    void vscode.window.showErrorMessage(converted.stderr.trim() || `unlsp convert failed (${converted.code}).`);
    return;
  }
  const uri = vscode.Uri.from({ scheme: SCHEME, path: `${file.path}.txt` });
  texts.set(uri.toString(), converted.stdout);
  const checked = await run(server.path, ["check", file.fsPath, "--format", "json", "--exit-zero"]);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(doc, "unres");
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  let json: CheckJson;
  try {
    json = JSON.parse(checked.stdout) as CheckJson;
  } catch {
    void vscode.window.showErrorMessage(checked.stderr.trim() || "unlsp check gave no report.");
    return;
  }
  const bytes = Buffer.from(converted.stdout, "utf8");
  // the JSON contract's offsets are UTF-8 bytes; the editor's, UTF-16 code units
  const position = (offset: number) =>
    doc.positionAt(bytes.subarray(0, Math.min(offset, bytes.length)).toString("utf8").length);
  const severity: Record<string, vscode.DiagnosticSeverity> = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    information: vscode.DiagnosticSeverity.Information,
    hint: vscode.DiagnosticSeverity.Hint,
  };
  const found = (json.files[0]?.diagnostics ?? []).map((d) => {
    const range = new vscode.Range(position(d.range.start.offset), position(d.range.end.offset));
    const diag = new vscode.Diagnostic(range, d.message, severity[d.severity] ?? vscode.DiagnosticSeverity.Information);
    diag.code = d.code;
    diag.source = "unlsp";
    return diag;
  });
  collection.set(uri, found);
  await vscode.commands.executeCommand("workbench.actions.view.problems");
}

// "unlsp: Export Akoma Ntoso": the AKN4UN XML of the active draft, as it stands in the editor
// (saved or not), made by the language server (`workspace/executeCommand`
// "unlsp.exportAkn") and opened beside the draft as an untitled XML document, which the
// user saves where they like. The server's own command id is registered by the language
// client itself (it registers every command the server advertises), hence another id here.
import * as vscode from "vscode";
import { ExecuteCommandRequest, LanguageClient } from "vscode-languageclient/node";

/** The server command; the VS Code command that calls it. */
export const SERVER_COMMAND = "unlsp.exportAkn";
export const COMMAND = "unlsp.exportAkomaNtoso";

/** Registers the command; `client()` gives the running client, if any. */
export function registerExportAkn(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMAND, (uri?: vscode.Uri) => exportAkn(client(), uri)),
  );
}

async function exportAkn(client: LanguageClient | undefined, uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showErrorMessage("unlsp: open a draft to export it.");
    return undefined;
  }
  if (!client) {
    void vscode.window.showErrorMessage("unlsp: the language server is not running.");
    return undefined;
  }
  let xml: unknown;
  try {
    xml = await client.sendRequest(ExecuteCommandRequest.type, {
      command: SERVER_COMMAND,
      arguments: [target.toString()],
    });
  } catch (e) {
    void vscode.window.showErrorMessage(`unlsp: export failed: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  if (typeof xml !== "string") {
    void vscode.window.showErrorMessage("unlsp: the server gave no XML (is the draft open in the editor?).");
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: "xml", content: xml });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return doc;
}

// End-to-end test of the unlsp extension in a real VS Code workbench (code-server) driven
// by Debian's headless Chromium through playwright-core. Run by scripts/test-vscode-e2e.sh,
// which installs the .vsix, starts code-server and sets:
//   E2E_URL        http://127.0.0.1:PORT/?folder=WORKSPACE
//   E2E_PLAYWRIGHT path of the playwright-core package
//   E2E_ARTIFACTS  folder for screenshots
// Asserts what a user sees: the language of a .unres file and of a UN document saved as .txt,
// squiggles and entries in the Problems panel, the outline tree, a hover on a citation, and
// go-to-definition (F12) from "resolution 61/100" landing in A_RES_61_100.unres.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require(process.env.E2E_PLAYWRIGHT || "playwright-core");

const URL = process.env.E2E_URL;
const ART = process.env.E2E_ARTIFACTS || ".test-artifacts/vscode-e2e";
const STEP_TIMEOUT = Number(process.env.E2E_STEP_TIMEOUT_MS || 45000);
fs.mkdirSync(ART, { recursive: true });

const results = [];
function record(name, ok, detail) {
  results.push({ name, ok, detail });
  console.log(`  ${ok ? "ok  " : "FAIL"}  ${name}${detail ? ": " + detail : ""}`);
}

async function shot(page, name) {
  const file = path.join(ART, name + ".png");
  await page.screenshot({ path: file });
  return file;
}

async function quickOpen(page, fileName) {
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
  await input.fill(fileName);
  // Wait for the row holding the name before Enter (a fixed sleep flakes).
  await page
    .locator(".quick-input-list .monaco-list-row", { hasText: fileName })
    .first()
    .waitFor({ state: "visible", timeout: STEP_TIMEOUT });
  await page.keyboard.press("Enter");
  await page
    .locator(".tabs-container .tab.active", { hasText: fileName })
    .waitFor({ state: "visible", timeout: STEP_TIMEOUT });
  await page.locator(".monaco-editor .view-lines").first().waitFor({ state: "visible", timeout: STEP_TIMEOUT });
}

async function runCommand(page, label) {
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+Shift+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
  await input.fill(">" + label);
  await page
    .locator(".quick-input-list .monaco-list-row", { hasText: label })
    .first()
    .waitFor({ state: "visible", timeout: STEP_TIMEOUT });
  await page.keyboard.press("Enter");
}

async function languageOfActiveEditor(page) {
  const item = page.locator("#status\\.editor\\.mode");
  await item.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
  return (await item.innerText()).trim();
}

async function step(name, fn) {
  try {
    const detail = await fn();
    record(name, true, detail);
    return true;
  } catch (err) {
    record(name, false, String(err && err.message ? err.message : err).split("\n")[0]);
    return false;
  }
}

(async () => {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unlsp-chromium-"));
  // A fresh profile per run (playwright passes it as --user-data-dir).
  const context = await chromium.launchPersistentContext(userDataDir, {
    viewport: { width: 1500, height: 950 },
    executablePath: process.env.E2E_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT);
  const t0 = Date.now();
  try {
    await step("workbench loads", async () => {
      await page.goto(URL, { waitUntil: "domcontentloaded" });
      await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: 90000 });
      await page.locator(".explorer-folders-view, .explorer-viewlet").first().waitFor({ state: "visible", timeout: 90000 });
      return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
    });

    // A plain .txt that starts like a UN document switches to the unres language.
    await step("detect.txt opens as UN resolution", async () => {
      await quickOpen(page, "detect.txt");
      let lang = "";
      const deadline = Date.now() + STEP_TIMEOUT;
      while (Date.now() < deadline) {
        lang = await languageOfActiveEditor(page);
        if (/UN resolution/i.test(lang)) {
          break;
        }
        await page.waitForTimeout(250);
      }
      await shot(page, "00-detect-txt");
      if (!/UN resolution/i.test(lang)) {
        throw new Error(`status bar language is "${lang}"`);
      }
      return lang;
    });

    const seedOk = await step("seed001.unres opens as UN resolution", async () => {
      await quickOpen(page, "seed001.unres");
      const lang = await languageOfActiveEditor(page);
      if (!/UN resolution/i.test(lang)) {
        throw new Error(`status bar language is "${lang}"`);
      }
      return lang;
    });

    if (seedOk) {
      await step("grammar colours the lead phrases (italic)", async () => {
        const italic = await page.evaluate(() => {
          const spans = Array.from(document.querySelectorAll(".monaco-editor .view-line span span"));
          const s = spans.find((e) => e.textContent === "Recalling");
          return s ? getComputedStyle(s).fontStyle + " " + getComputedStyle(s).color : null;
        });
        if (!italic) {
          throw new Error("no token 'Recalling' in the editor");
        }
        return `'Recalling' rendered ${italic}`;
      });

      await step("squiggles in the editor", async () => {
        const sq = page.locator(".squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint");
        await sq.first().waitFor({ state: "attached", timeout: 60000 });
        return `${await sq.count()} squiggle(s) after ${((Date.now() - t0) / 1000).toFixed(1)} s`;
      });

      await step("Problems panel lists the diagnostics", async () => {
        await page.keyboard.press("Escape");
        await page.keyboard.press("Control+Shift+M");
        const rows = page.locator(".markers-panel .monaco-tl-contents");
        await rows.first().waitFor({ state: "visible", timeout: STEP_TIMEOUT });
        await page.waitForTimeout(500);
        const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
        await shot(page, "01-problems");
        const codes = [...new Set(texts.join(" ").match(/UN\d{3}/g) || [])];
        if (!codes.length) {
          throw new Error(`rows without rule ids: ${texts.slice(0, 3).join(" | ")}`);
        }
        return `${texts.length} row(s), rules ${codes.join(" ")}`;
      });

      await step("outline tree shows the document structure", async () => {
        await runCommand(page, "Explorer: Focus on Outline View");
        const rows = page.locator(".outline-pane .monaco-list-row, [id='outline'] .monaco-list-row, .pane-body.outline-pane .monaco-list-row");
        await rows.first().waitFor({ state: "visible", timeout: STEP_TIMEOUT });
        await page.waitForTimeout(500);
        const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim()).filter(Boolean);
        await shot(page, "02-outline");
        if (texts.length < 2) {
          throw new Error(`only ${texts.length} outline row(s)`);
        }
        return `${texts.length} row(s): ${texts.slice(0, 4).join(" | ").slice(0, 120)}`;
      });

      // The citation "61/100" is its own token (constant.numeric.citation.unres).
      const citation = async () => {
        await quickOpen(page, "seed001.unres");
        await page.keyboard.press("Control+Home");
        const span = page.locator(".monaco-editor .view-line span span", { hasText: /^61\/100$/ }).first();
        await span.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
        return span;
      };

      await step("hover on the citation 'resolution 61/100'", async () => {
        const span = await citation();
        const box = await span.boundingBox();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        const hover = page.locator(".monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents");
        await hover.first().waitFor({ state: "visible", timeout: STEP_TIMEOUT });
        await page.waitForTimeout(300);
        const text = (await hover.first().innerText()).replace(/\s+/g, " ").trim();
        await shot(page, "03-hover");
        if (!text) {
          throw new Error("empty hover");
        }
        return text.slice(0, 120);
      });

      await step("go to definition lands in the cited resolution", async () => {
        await citation();
        // Put the cursor inside "61/100" with Go to Line (Ctrl+G line:column): a click could
        // land on the hover widget left from the previous step.
        const seedText = fs.readFileSync(path.join(process.env.E2E_WORKSPACE, "seed001.unres"), "utf8").split("\n");
        const line = seedText.findIndex((l) => l.includes("its resolution 61/100"));
        const col = seedText[line].indexOf("61/100") + 3;
        await page.mouse.move(5, 5);
        await page.keyboard.press("Escape");
        await page.keyboard.press("Control+G");
        const input = page.locator(".quick-input-widget input");
        await input.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
        await input.fill(`:${line + 1}:${col}`); // the ":" prefix is Go to Line
        await page.waitForTimeout(300);
        await page.keyboard.press("Enter");
        await page.waitForTimeout(300);
        await page.keyboard.press("F12");
        await page
          .locator(".tabs-container .tab.active", { hasText: "A_RES_61_100.unres" })
          .waitFor({ state: "visible", timeout: STEP_TIMEOUT });
        await shot(page, "04-definition");
        return "active editor: A_RES_61_100.unres";
      });
    }
  } finally {
    await shot(page, "99-final").catch(() => {});
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok).length;
  fs.writeFileSync(path.join(ART, "results.json"), JSON.stringify(results, null, 2));
  console.log(`vscode-e2e: ${results.length - failed} passed, ${failed} failed; screenshots in ${ART}`);
  process.exit(failed ? 1 : 0);
})().catch((err) => {
  console.error(err);
  process.exit(2);
});

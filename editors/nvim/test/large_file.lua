-- Measures, in headless Neovim, a large UN document (issue 25.7): the time from `:edit` to
-- the first diagnostics published for it, and the outline — textDocument/documentSymbol
-- asked once the diagnostics are in, until its answer is turned into the location list
-- items `vim.lsp.buf.document_symbol()` shows. Prints figures; asserts nothing.
--
--   UNLSP_REPO=. UNLSP_BIN=target/fast/unlsp UNLSP_LARGE=/tmp/big.unres \
--     nvim --headless --clean -c "luafile editors/nvim/test/large_file.lua"
--
-- Run by scripts/editor-large-file.sh. Neovim 0.7.2 (Debian 12) and later.
local repo = assert(os.getenv("UNLSP_REPO"), "UNLSP_REPO not set")
local bin = assert(os.getenv("UNLSP_BIN"), "UNLSP_BIN not set")
local file = assert(os.getenv("UNLSP_LARGE"), "UNLSP_LARGE not set")
local TIMEOUT = 120000

local function out(s)
  io.stdout:write(s .. "\n")
end
local clock = vim.loop.hrtime
local function ms_since(t)
  return (clock() - t) / 1e6
end

local ok, err = xpcall(function()
  vim.opt.runtimepath:prepend(repo .. "/editors/nvim")
  vim.cmd("filetype plugin on")
  local first = nil
  local orig = vim.lsp.handlers["textDocument/publishDiagnostics"]
  local t0
  vim.lsp.handlers["textDocument/publishDiagnostics"] = function(e, result, ctx, config)
    if result and first == nil and #(result.diagnostics or {}) > 0 then
      first = { ms = ms_since(t0), n = #result.diagnostics }
    end
    return orig(e, result, ctx, config)
  end
  require("unlsp").setup({ cmd = { bin, "serve" } })
  t0 = clock()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  if not vim.wait(TIMEOUT, function()
    return first ~= nil
  end, 5) then
    out("nvim: no diagnostics within " .. TIMEOUT .. " ms")
    return
  end
  local client = vim.lsp.get_client_by_id(next(vim.lsp.buf_get_clients(buf)))
  local t1 = clock()
  local answer = client.request_sync("textDocument/documentSymbol", {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
  }, TIMEOUT, buf)
  local t_answer = ms_since(t1)
  local items = vim.lsp.util.symbols_to_items(answer and answer.result or {}, buf)
  local t_items = ms_since(t1)
  local bytes = #vim.fn.json_encode(answer and answer.result or {})
  out(("nvim %d.%d.%d: first diagnostics %.2f s (%d); outline %.2f s (answer %.2f s, %d KB, %d items)"):format(
    vim.version().major, vim.version().minor, vim.version().patch,
    first.ms / 1000, first.n, t_items / 1000, t_answer / 1000, bytes / 1024, #items))
end, debug.traceback)
if not ok then
  out("nvim: error: " .. tostring(err))
  vim.cmd("cquit 1")
end
vim.cmd("qall!")

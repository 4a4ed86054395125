-- :UnlspExportAkn: the Akoma Ntoso (AKN4UN) XML of the current draft, as it stands in the
-- buffer (saved or not), asked of the server (`workspace/executeCommand` "unlsp.exportAkn")
-- and shown in a new window as an `xml` buffer named after the draft (`NAME.xml` beside
-- it): `:w` writes it there, and nothing is written until then.

local M = {}

local function client_of(bufnr)
  local list = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr, name = "unlsp" })
    or vim.tbl_values(vim.lsp.buf_get_clients(bufnr))
  for _, c in ipairs(list) do
    if c.name == "unlsp" then
      return c
    end
  end
end

--- Opens the XML in a new window; returns the new buffer.
local function show(xml, draft)
  vim.cmd("vnew")
  local b = vim.api.nvim_get_current_buf()
  local lines = vim.split(xml, "\n", { plain = true })
  if lines[#lines] == "" then
    table.remove(lines)
  end
  vim.api.nvim_buf_set_lines(b, 0, -1, false, lines)
  if draft ~= "" then
    -- a buffer already holding that name keeps it: this one stays unnamed
    pcall(vim.api.nvim_buf_set_name, b, vim.fn.fnamemodify(draft, ":r") .. ".xml")
  end
  vim.api.nvim_buf_set_option(b, "filetype", "xml")
  vim.api.nvim_buf_set_option(b, "modified", true)
  return b
end

--- Export buffer `bufnr` (default: the current one). `on_done(buf_or_nil, err)` is called
--- when the XML is shown or the server refused.
function M.export_akn(bufnr, on_done)
  bufnr = (bufnr and bufnr ~= 0) and bufnr or vim.api.nvim_get_current_buf()
  local done = on_done or function() end
  local client = client_of(bufnr)
  if not client then
    local msg = "unlsp: no language server attached to this buffer"
    vim.notify(msg, vim.log.levels.ERROR)
    return done(nil, msg)
  end
  local draft = vim.api.nvim_buf_get_name(bufnr)
  local params = { command = "unlsp.exportAkn", arguments = { vim.uri_from_bufnr(bufnr) } }
  -- a request flushes the buffer's pending changes first: the server exports what is typed
  client.request("workspace/executeCommand", params, function(err, result)
    if err or type(result) ~= "string" then
      local msg = "unlsp: export failed: " .. vim.inspect(err or result)
      vim.notify(msg, vim.log.levels.ERROR)
      return done(nil, msg)
    end
    done(show(result, draft))
  end, bufnr)
end

return M

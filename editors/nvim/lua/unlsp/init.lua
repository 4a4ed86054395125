-- unlsp for Neovim: filetype `unres` and the unlsp language server.
--
--   require("unlsp").setup({
--     cmd = { "unlsp", "serve" },        -- or { "/path/to/unlsp", "serve" }
--     settings = { rules = { UN044 = "off" } },   -- only what differs from the defaults
--     attach_to = { "*/drafts/*.txt" },  -- extra plain-text/markdown files (autocmd patterns)
--     on_attach = function(client, bufnr) ... end,   -- your mappings go here
--   })
--
-- Works on Neovim 0.7 (vim.lsp.start_client + buf_attach_client, one client per root) and
-- on 0.8+ (vim.lsp.start, which reuses a client per name and root). Maps no keys.
local M = {}

local uv = vim.loop

M.defaults = {
  -- Command that starts the server. `unlsp serve` speaks LSP over stdio.
  cmd = { "unlsp", "serve" },
  -- Server options (configuration section `unlsp`; see the table in editors/README.md):
  -- language, rules, exclude, debounceMs, maxFileSize, referenceFolders. Sent as initializationOptions, in workspace/didChangeConfiguration and
  -- as the answer to workspace/configuration.
  settings = {},
  -- Extra files to check, as autocmd patterns (e.g. "*/drafts/*.txt", "*.res.md").
  attach_to = {},
  -- Recognise UN documents among *.txt files by their first lines and set filetype unres.
  detect_txt = true,
  -- Files that mark the root of a workspace (the server indexes the files under it, for
  -- go-to-definition to cited resolutions). Without any, the file's directory is the root.
  root_markers = { ".git", ".hg", "unlsp.toml", ".unlsp.toml" },
  on_attach = nil,
  capabilities = nil,
  -- Passed to the client: on 0.7 didChange is debounced by 150 ms unless set to 0.
  flags = { debounce_text_changes = 80 },
}

M.config = vim.deepcopy(M.defaults)
local clients_by_root = {} -- 0.7 only: root_dir -> client id
local warned_missing = false

local function has(feature)
  return vim.fn.has(feature) == 1
end

local function notify(msg, level)
  vim.schedule(function()
    vim.notify("unlsp: " .. msg, level or vim.log.levels.INFO)
  end)
end

-- -------------------------------------------------------------------------------------
-- Filetype detection

--- True when the first lines of a buffer look like a UN resolution or draft.
function M.looks_like_un_document(lines)
  local text = table.concat(lines, "\n")
  if text:match("^\239\187\191?%%%%%%[A-Z]") or text:match("^%%%%%%[A-Z]") then
    return true -- corpus metadata line
  end
  local authors = {
    "The General Assembly,", "The Security Council,", "The Economic and Social Council,",
    "The Human Rights Council,", "大会，", "安全理事会，", "人权理事会，", "L'Assemblée générale,",
    "La Asamblea General,", "Генеральная Ассамблея,", "إن الجمعية العامة،",
  }
  for _, line in ipairs(lines) do
    local l = line:gsub("^%s+", ""):gsub("%s+$", "")
    for _, a in ipairs(authors) do
      if l == a or l:sub(1, #a) == a then
        return true
      end
    end
  end
  local masthead = text:match("United Nations") or text:match("联%s*合%s*国")
  local symbol = text:match("%f[%w][A-Z][A-Z]?[A-Z]?[A-Z]?/[%w%./%-]*%d")
  local distr = text:match("Distr%.:%s*[GLR]")
  local adoption = text:match("Resolution adopted by the") or text:match("大会决议")
    or text:match("draft resolution")
  return (masthead ~= nil and symbol ~= nil and (distr ~= nil or adoption ~= nil))
end

local function detect_txt(bufnr)
  if not M.config.detect_txt then
    return
  end
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, 60, false)
  if M.looks_like_un_document(lines) then
    vim.api.nvim_buf_set_option(bufnr, "filetype", "unres")
  end
end

-- -------------------------------------------------------------------------------------
-- Server

local function find_root(fname)
  local dir = vim.fn.fnamemodify(fname, ":p:h")
  local prev
  while dir and dir ~= prev do
    for _, marker in ipairs(M.config.root_markers) do
      if uv.fs_stat(dir .. "/" .. marker) then
        return dir
      end
    end
    prev = dir
    dir = vim.fn.fnamemodify(dir, ":h")
  end
  return vim.fn.fnamemodify(fname, ":p:h")
end

local function executable_ok()
  local exe = M.config.cmd[1]
  if vim.fn.executable(exe) == 1 then
    return true
  end
  if not warned_missing then
    warned_missing = true
    notify(
      ("server %q not found. Install it (`cargo install --locked --path .` in the unlsp "
        .. "repository) or pass its path: require('unlsp').setup({ cmd = { '/path/to/unlsp', 'serve' } })")
        :format(exe),
      vim.log.levels.ERROR
    )
  end
  return false
end

local function client_config(root)
  local settings = { unlsp = vim.deepcopy(M.config.settings or {}) }
  local capabilities = M.config.capabilities or vim.lsp.protocol.make_client_capabilities()
  return {
    name = "unlsp",
    cmd = M.config.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    settings = settings,
    init_options = vim.deepcopy(M.config.settings or {}),
    capabilities = capabilities,
    flags = M.config.flags,
    on_attach = M.config.on_attach,
  }
end

--- Attach the unlsp client to a buffer (starting a server for its root if needed).
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.api.nvim_buf_get_option(bufnr, "buftype") ~= "" then
    return
  end
  local fname = vim.api.nvim_buf_get_name(bufnr)
  if fname == "" or not executable_ok() then
    return
  end
  local root = find_root(fname)
  if vim.lsp.start then
    -- Neovim >= 0.8: reuses the client with the same name and root_dir.
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  -- Neovim 0.7
  local id = clients_by_root[root]
  if id and (not vim.lsp.get_client_by_id(id) or vim.lsp.client_is_stopped(id)) then
    id = nil
  end
  if not id then
    id = vim.lsp.start_client(client_config(root))
    if not id then
      notify("could not start " .. table.concat(M.config.cmd, " "), vim.log.levels.ERROR)
      return
    end
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

-- <C-x><C-o> completes lead phrases and cited resolutions (the server sends text that is
-- right without the edit's range to 0.7, whose omnifunc ignores it). A user's own
-- omnifunc stays.
local function set_omnifunc(bufnr)
  if vim.api.nvim_buf_get_option(bufnr, "omnifunc") == "" then
    vim.api.nvim_buf_set_option(bufnr, "omnifunc", "v:lua.vim.lsp.omnifunc")
  end
end

--- All unlsp clients (any Neovim version).
function M.clients()
  local all = vim.lsp.get_clients and vim.lsp.get_clients({ name = "unlsp" }) or vim.lsp.get_active_clients()
  local out = {}
  for _, c in ipairs(all) do
    if c.name == "unlsp" then
      table.insert(out, c)
    end
  end
  return out
end

--- Stop every unlsp client and attach the unres buffers again.
function M.restart()
  local bufs = {}
  for _, c in ipairs(M.clients()) do
    local attached = c.attached_buffers or {}
    for b, _ in pairs(attached) do
      bufs[b] = true
    end
    c.stop()
  end
  clients_by_root = {}
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.api.nvim_buf_get_option(b, "filetype") == "unres" then
      bufs[b] = true
    end
  end
  vim.defer_fn(function()
    for b, _ in pairs(bufs) do
      if vim.api.nvim_buf_is_valid(b) then
        M.attach(b)
      end
    end
  end, 500)
end

-- -------------------------------------------------------------------------------------
-- Setup

function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  if type(M.config.cmd) == "string" then
    M.config.cmd = { M.config.cmd, "serve" }
  end

  local group = vim.api.nvim_create_augroup("unlsp", { clear = true })
  -- Registered after Neovim's own detection, so these win over `text` / `markdown`.
  vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
    group = group,
    pattern = { "*.unres", "*.unres.txt", "*.unres.md" },
    callback = function(args)
      vim.api.nvim_buf_set_option(args.buf, "filetype", "unres")
    end,
  })
  -- Detect on every read, even when the buffer is already `unres`: on `:edit!` the option
  -- survives, and a `setf text` registered after this one (filetype.vim when setup() runs
  -- from init.lua, before Neovim turns detection on) would otherwise switch it to `text`
  -- and detach the server. Setting the filetype again makes that `setf` a no-op.
  -- (BufRead is BufReadPost.)
  vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
    group = group,
    pattern = "*.txt",
    callback = function(args)
      detect_txt(args.buf)
    end,
  })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "unres",
    callback = function(args)
      set_omnifunc(args.buf)
      M.attach(args.buf)
    end,
  })
  if #M.config.attach_to > 0 then
    vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
      group = group,
      pattern = M.config.attach_to,
      callback = function(args)
        M.attach(args.buf)
      end,
    })
  end
  vim.api.nvim_create_user_command("UnlspRestart", function()
    M.restart()
  end, { desc = "Restart the unlsp language server" })
  vim.api.nvim_create_user_command("UnlspInfo", function()
    local lines = { "unlsp cmd: " .. table.concat(M.config.cmd, " ") }
    for _, c in ipairs(M.clients()) do
      table.insert(lines, ("client %d, root %s"):format(c.id, c.config.root_dir or "?"))
    end
    vim.notify(table.concat(lines, "\n"))
  end, { desc = "Show the unlsp clients" })
  vim.api.nvim_create_user_command("UnlspCompare", function(args)
    require("unlsp.compare").compare(M.config.cmd[1], args.args, args.bang)
  end, { nargs = "?", bang = true, complete = "file", desc = "Compare the draft with a file or a git revision (default HEAD)" })
  vim.api.nvim_create_user_command("UnlspExportAkn", function()
    require("unlsp.export").export_akn(0)
  end, { desc = "unlsp: Export Akoma Ntoso (the draft's AKN4UN XML in a new window)" })

  -- Buffers opened before setup() ran.
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) then
      local name = vim.api.nvim_buf_get_name(b)
      if name:match("%.unres$") or name:match("%.unres%.txt$") or name:match("%.unres%.md$") then
        vim.api.nvim_buf_set_option(b, "filetype", "unres")
      elseif name:match("%.txt$") then
        detect_txt(b)
      end
    end
  end
end

return M

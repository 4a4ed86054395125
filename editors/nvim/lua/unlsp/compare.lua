-- :UnlspCompare [REV|FILE]: the current draft against another file or its version in git
-- (default HEAD; a tag, branch or commit). Runs `unlsp diff OLD CURRENT --format json` on
-- the buffer as it stands, shows each change as an information diagnostic on the changed
-- paragraph ("since HEAD: operative paragraph 6 renumbered 5"), and opens the HTML
-- compilation (`--format html`) in the browser. `:UnlspCompare!` clears the marks.
local M = {}

M.ns = vim.api.nvim_create_namespace("unlsp-compare")

local function notify(msg, level)
  vim.notify("unlsp: " .. msg, level or vim.log.levels.INFO)
end

local function run(cmd)
  local out = vim.fn.system(cmd)
  return vim.v.shell_error, out
end

local function temp_named(name, lines)
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  local file = dir .. "/" .. name
  vim.fn.writefile(lines, file)
  return file
end

-- The other version: a readable file, else a git revision of the buffer's file.
local function old_version(file, what)
  if what ~= "" and vim.fn.filereadable(what) == 1 then
    return what, vim.fn.fnamemodify(what, ":t")
  end
  local rev = what ~= "" and what or "HEAD"
  local dir = vim.fn.fnamemodify(file, ":h")
  local code, top = run({ "git", "-C", dir, "rev-parse", "--show-toplevel" })
  if code ~= 0 then
    return nil, file .. " is not in a git repository"
  end
  top = vim.trim(top)
  local rel = file:sub(#top + 2)
  local shown
  code, shown = run({ "git", "-C", top, "show", rev .. ":" .. rel })
  if code ~= 0 then
    return nil, "git show " .. rev .. ":" .. rel .. ": " .. vim.trim(shown)
  end
  local name = rev:gsub("[^%w.-]", "_") .. "-" .. vim.fn.fnamemodify(file, ":t")
  return temp_named(name, vim.split(shown, "\n", { plain = true })), rev
end

local function open_in_browser(path)
  if vim.ui and vim.ui.open then
    vim.ui.open(path)
  elseif vim.fn.executable("xdg-open") == 1 then
    vim.fn.jobstart({ "xdg-open", path }, { detach = true })
  elseif vim.fn.executable("open") == 1 then
    vim.fn.jobstart({ "open", path }, { detach = true })
  else
    notify("compilation written to " .. path)
  end
end

function M.compare(exe, what, bang)
  local bufnr = vim.api.nvim_get_current_buf()
  if bang then
    vim.diagnostic.reset(M.ns, bufnr)
    return
  end
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file == "" then
    return notify("save the draft first", vim.log.levels.ERROR)
  end
  local old, label = old_version(file, what or "")
  if not old then
    return notify(label, vim.log.levels.ERROR)
  end
  local current = temp_named(vim.fn.fnamemodify(file, ":t"), vim.api.nvim_buf_get_lines(bufnr, 0, -1, false))
  local code, out = run({ exe, "diff", old, current, "--format", "json" })
  if code == 2 then
    return notify("diff: " .. vim.trim(out), vim.log.levels.ERROR)
  end
  local ok, json = pcall(vim.fn.json_decode, out)
  if not ok or type(json) ~= "table" then
    return notify("diff: unreadable output", vim.log.levels.ERROR)
  end
  local diags = {}
  for _, c in ipairs(json.changes or {}) do
    -- a deleted paragraph: on the new paragraph before where it stood (`after`)
    local p = (c.new and c.new[1]) or (c.after and c.after[1])
    local lnum = p and (p.range.start.line - 1) or 0
    table.insert(diags, {
      lnum = lnum,
      col = 0,
      severity = vim.diagnostic.severity.INFO,
      source = "unlsp diff",
      code = c.kind,
      message = "since " .. label .. ": " .. c.message,
    })
  end
  vim.diagnostic.set(M.ns, bufnr, diags)
  local html = vim.fn.tempname() .. ".html"
  run({ exe, "diff", old, current, "--format", "html", "--out", html })
  open_in_browser(html)
  if json.same then
    notify("the same in substance as " .. label)
  end
end

return M

-- Buffer options for UN resolutions: long paragraphs, soft-wrapped at word boundaries.
if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = 1
vim.opt_local.wrap = true
vim.opt_local.linebreak = true
vim.opt_local.breakindent = true
vim.opt_local.spell = false
vim.b.undo_ftplugin = "setlocal wrap< linebreak< breakindent< spell<"

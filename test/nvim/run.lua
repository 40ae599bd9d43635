-- Neovim 0.7 as an independent LSP client of ECA Lens (run by test/nvim/run.mjs):
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/run.lua' <file in the project>
-- Environment: ECA_LENS_SERVER (server/out/server.js), ECA_LENS_ROOT (project root),
-- ECA_LENS_OUT (JSON written here), ECA_LENS_TIMEOUT_MS.
-- 1. starts the bundled server over stdio, attaches it to the current buffer, waits for the
--    server's "ready" status, and records every diagnostic it received (all files, opened or not)
--    and the code actions offered on the first diagnostic of the current buffer;
-- 2. edits the buffer (Local -> Packaged) and records the diagnostics that replace the old ones.
-- Exits 0 after writing the JSON, 1 (cquit) on a timeout or an error.

local server = os.getenv('ECA_LENS_SERVER')
local root = os.getenv('ECA_LENS_ROOT')
local out = os.getenv('ECA_LENS_OUT')
local timeout = tonumber(os.getenv('ECA_LENS_TIMEOUT_MS') or '20000')

local function fail(msg)
  io.stderr:write('run.lua: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local ok, err = pcall(function()
  local ready = false
  local client_id = vim.lsp.start_client({
    name = 'eca-lens',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    flags = { debounce_text_changes = 0 },
    handlers = {
      ['ecaLens/status'] = function(_, result)
        if result and result.state == 'ready' then ready = true end
      end,
      ['ecaLens/inventoryChanged'] = function() end,
    },
  })
  if not client_id then return fail('the server did not start') end
  vim.lsp.buf_attach_client(0, client_id)

  if not vim.wait(timeout, function() return ready end, 20) then return fail('no ready status within ' .. timeout .. ' ms') end
  -- Diagnostics are published before the ready status; let the event loop hand them over.
  vim.wait(300, function() return false end, 20)

  local function collect()
    local rows = {}
    for _, d in ipairs(vim.diagnostic.get()) do
      local lsp = (d.user_data or {}).lsp or {}
      table.insert(rows, {
        file = vim.api.nvim_buf_get_name(d.bufnr),
        line = d.lnum,
        col = d.col,
        severity = d.severity,
        code = d.code or lsp.code,
        source = d.source or lsp.source,
        message = d.message,
      })
    end
    return rows
  end

  local result = { initial = collect() }

  -- Code actions on the first diagnostic of this buffer.
  local mine = vim.diagnostic.get(0)
  result.actions = {}
  if #mine > 0 then
    local d = mine[1]
    local lsp = (d.user_data or {}).lsp
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(0) },
      range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col } },
      context = { diagnostics = lsp and { lsp } or {} },
    }
    local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, timeout) or {}
    for _, r in pairs(responses) do
      for _, a in ipairs(r.result or {}) do table.insert(result.actions, a.title) end
    end
  end

  -- Edit the buffer: Local -> Packaged, and wait for this buffer's diagnostics to change.
  local changed = false
  local before = vim.inspect(vim.diagnostic.get(0))
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  for i, l in ipairs(lines) do
    if l:find('<distributionState>Local</distributionState>', 1, true) then
      vim.api.nvim_buf_set_lines(0, i - 1, i, false, { (l:gsub('>Local<', '>Packaged<')) })
      changed = true
      break
    end
  end
  if changed then
    if not vim.wait(timeout, function() return vim.inspect(vim.diagnostic.get(0)) ~= before end, 10) then
      return fail('no new diagnostics after the edit within ' .. timeout .. ' ms')
    end
    local after = {}
    for _, d in ipairs(vim.diagnostic.get(0)) do
      local lsp = (d.user_data or {}).lsp or {}
      table.insert(after, { line = d.lnum, code = d.code or lsp.code })
    end
    result.afterEdit = after
  end

  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end)

if not ok then return fail(tostring(err)) end
vim.cmd('qall!')

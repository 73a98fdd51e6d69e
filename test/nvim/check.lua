-- Drives the built server (dist/server.js --stdio) with Neovim's own LSP client, as a user's
-- config would (0.7+: vim.lsp.start_client + vim.lsp.buf_attach_client; 0.7 has no vim.lsp.start).
-- Environment: GONGWEN_SERVER (path to dist/server.js), GONGWEN_FILES (files to open, separated by ';'),
-- GONGWEN_OUT (JSON result file), GONGWEN_CODE_ACTION_LINE (0-based line on which to ask for quick fixes,
-- in the first file). Every wait is vim.wait on a condition (diagnostics arrived, a response came).
-- Whatever happens, a JSON file is written and Neovim quits, so the mocha test can assert on it.
local result = { files = {}, errors = {} }

local function encode(value)
  if vim.json and vim.json.encode then return vim.json.encode(value) end
  return vim.fn.json_encode(value)
end

local function finish(code)
  local f = io.open(os.getenv('GONGWEN_OUT'), 'w')
  f:write(encode(result))
  f:close()
  vim.cmd((code == 0) and 'qall!' or 'cquit!')
end

local ok, err = pcall(function()
  local server = assert(os.getenv('GONGWEN_SERVER'), 'GONGWEN_SERVER not set')
  local files = vim.split(assert(os.getenv('GONGWEN_FILES'), 'GONGWEN_FILES not set'), ';', true)
  local action_line = tonumber(os.getenv('GONGWEN_CODE_ACTION_LINE') or '')

  local client_id = vim.lsp.start_client({
    name = 'gongwen',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(files[1], ':h'),
    -- Clients without workspace/configuration send settings here (README "Other editors").
    init_options = { settings = { language = 'zh-cn' } },
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  local client = vim.lsp.get_client_by_id(client_id)
  result.initialized = vim.wait(10000, function() return client.initialized end, 20)
  assert(result.initialized, 'server did not initialize')
  local caps = client.server_capabilities or client.resolved_capabilities or {}
  result.capabilities = {
    documentSymbol = caps.documentSymbolProvider ~= nil and caps.documentSymbolProvider ~= false,
    completion = caps.completionProvider ~= nil,
    codeAction = caps.codeActionProvider ~= nil and caps.codeActionProvider ~= false,
  }

  for index, file in ipairs(files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(file))
    local buf = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(buf, client_id)
    local entry = { file = file }
    entry.diagnosticsArrived = vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
    entry.diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(entry.diagnostics, {
        code = d.code or lsp.code,
        line = d.lnum,
        col = d.col,
        severity = d.severity,
        source = d.source or lsp.source,
        message = d.message,
      })
    end
    local params = { textDocument = vim.lsp.util.make_text_document_params(buf) }

    local symbols = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', params, 10000)
    entry.symbols = {}
    local function walk(list, depth)
      for _, s in ipairs(list or {}) do
        table.insert(entry.symbols, { name = s.name, depth = depth, line = s.range and s.range.start.line })
        walk(s.children, depth + 1)
      end
    end
    for _, response in pairs(symbols or {}) do
      if response.error then table.insert(result.errors, response.error.message) end
      walk(response.result, 0)
    end

    -- Completion at the start of the first line: the request must succeed; items depend on the rules
    -- that are in (unit names and drafting help come from other issues).
    local completion = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
      textDocument = params.textDocument,
      position = { line = 0, character = 0 },
    }, 10000)
    entry.completion = { responded = false, error = vim.NIL, items = 0 }
    for _, response in pairs(completion or {}) do
      entry.completion.responded = true
      if response.error then entry.completion.error = response.error.message end
      local r = response.result
      if type(r) == 'table' then entry.completion.items = #(r.items or r) end
    end

    if index == 1 and action_line then
      local line_diagnostics = {}
      for _, d in ipairs(vim.diagnostic.get(buf, { lnum = action_line })) do
        table.insert(line_diagnostics, d.user_data and d.user_data.lsp or d)
      end
      local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
        textDocument = params.textDocument,
        range = { start = { line = action_line, character = 0 }, ['end'] = { line = action_line, character = 0 } },
        context = { diagnostics = line_diagnostics, only = { 'quickfix' } },
      }, 10000)
      entry.codeActions = {}
      for _, response in pairs(actions or {}) do
        for _, a in ipairs(response.result or {}) do table.insert(entry.codeActions, a.title) end
      end
    end
    table.insert(result.files, entry)
  end

  vim.lsp.stop_client(client_id)
  result.stopped = vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
end)

if not ok then table.insert(result.errors, tostring(err)) end
finish(ok and 0 or 1)

-- wrk script: POSTs dashboards made from templates (files with __UID__ and __TITLE__ placeholders), each with a
-- unique uid, round robin over the templates; every thread stops after its share of answers.
-- args: path answers-per-thread uid-prefix template... (the prefix keeps the uids of two runs apart)
local threads = {}
local counter = 1

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  path = args[1]
  share = tonumber(args[2])
  prefix = args[3]
  templates = {}
  for i = 4, #args do
    local f = assert(io.open(args[i], "rb"))
    table.insert(templates, f:read("*a"))
    f:close()
  end
  sent, answered, created = 0, 0, 0
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  sent = sent + 1
  local uid = prefix .. tid .. "-" .. sent
  local t = templates[(sent % #templates) + 1]
  local body = t:gsub("__UID__", uid):gsub("__TITLE__", uid)
  return wrk.format("POST", path, nil, body)
end

function response(status, headers, body)
  answered = answered + 1
  if status == 201 then created = created + 1 end
  if answered >= share then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("created") end
  io.write(string.format("CREATED %d\n", total))
end

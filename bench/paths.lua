-- wrk script: GETs the paths listed in the file args[1], one per line, round robin.
function init(args)
  paths = {}
  for line in io.lines(args[1]) do table.insert(paths, line) end
  i = 0
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

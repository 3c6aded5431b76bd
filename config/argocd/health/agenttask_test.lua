-- lua5.1 agenttask_test.lua: runs agenttask.lua as Argo CD does (a global `obj`, the chunk returns hs).
-- Prints one line per case and "N passed, M failed"; exits non-zero on a failure.
local dir = arg and arg[0] and arg[0]:match("^(.*)/[^/]*$") or "."
local check = assert(loadfile(dir .. "/agenttask.lua"))

local cases = {
  { name = "no status yet", obj = {}, status = "Progressing", message = "Waiting for the Airlock operator" },
  { name = "empty phase", obj = { status = { phase = "" } }, status = "Progressing", message = "Waiting for the Airlock operator" },
  { name = "pending", obj = { status = { phase = "Pending" } }, status = "Progressing", message = "Pending" },
  { name = "awaiting approval", obj = { status = { phase = "AwaitingApproval" } }, status = "Progressing",
    message = "Waiting for a human approval (airlock approve)" },
  { name = "running with a message", obj = { status = { phase = "Running", message = "agent pod running" } },
    status = "Progressing", message = "agent pod running" },
  { name = "succeeded", obj = { status = { phase = "Succeeded", message = "exit code 0" } }, status = "Healthy", message = "exit code 0" },
  { name = "failed uses the newest condition", obj = { status = { phase = "Failed", conditions = {
      { type = "SandboxReady", status = "True", reason = "PodRunning", lastTransitionTime = "2026-11-26T10:00:00Z" },
      { type = "Completed", status = "True", reason = "ContainerFailed", message = "exit code 3", lastTransitionTime = "2026-11-26T10:05:00Z" },
    } } }, status = "Degraded", message = "Failed: Completed=True (ContainerFailed): exit code 3" },
  { name = "timed out", obj = { status = { phase = "TimedOut", message = "deadline 30m exceeded" } }, status = "Degraded",
    message = "TimedOut: deadline 30m exceeded" },
  { name = "rejected", obj = { status = { phase = "Rejected", message = "rejected by bob" } }, status = "Degraded",
    message = "Rejected: rejected by bob" },
  { name = "quarantined phase", obj = { status = { phase = "Quarantined" } }, status = "Degraded", message = "Quarantined: no message" },
  { name = "quarantined condition wins over a running phase", obj = { status = { phase = "Running", conditions = {
      { type = "Quarantined", status = "True", reason = "EgressDenials", message = "40 denied connections in 1m" },
    } } }, status = "Degraded", message = "Quarantined: 40 denied connections in 1m" },
  { name = "a false quarantined condition is ignored", obj = { status = { phase = "Running", conditions = {
      { type = "Quarantined", status = "False", reason = "None" },
    } } }, status = "Progressing", message = "Quarantined=False (None)" },
  { name = "unknown phase is never healthy", obj = { status = { phase = "Exploded" } }, status = "Unknown", message = "Unknown phase Exploded" },
}

local passed, failed = 0, 0
for _, case in ipairs(cases) do
  obj = case.obj
  local ok, hs = pcall(check)
  if ok and hs.status == case.status and hs.message == case.message then
    passed = passed + 1
    print("ok   " .. case.name)
  else
    failed = failed + 1
    local got = ok and (tostring(hs.status) .. " / " .. tostring(hs.message)) or ("error: " .. tostring(hs))
    print("FAIL " .. case.name .. ": want " .. case.status .. " / " .. case.message .. ", got " .. got)
  end
end
print(passed .. " passed, " .. failed .. " failed")
if failed > 0 then os.exit(1) end

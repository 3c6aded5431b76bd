-- Argo CD health check for agents.airlock.dev/AgentTask.
-- Succeeded -> Healthy; Pending, AwaitingApproval and Running -> Progressing (the task has not produced its
-- result yet, so a sync wave that created it waits); Failed, TimedOut, Rejected and Quarantined -> Degraded.
-- A task whose Quarantined condition is True is Degraded whatever its phase. No status yet -> Progressing.
-- An unknown phase -> Unknown (never Healthy: fail closed).
local hs = {}

local function newest_condition(conditions)
  local newest = nil
  if conditions == nil then
    return nil
  end
  for _, c in ipairs(conditions) do
    if newest == nil or (c.lastTransitionTime or "") > (newest.lastTransitionTime or "") then
      newest = c
    end
  end
  return newest
end

local function describe(status, fallback)
  if status.message ~= nil and status.message ~= "" then
    return status.message
  end
  local c = newest_condition(status.conditions)
  if c ~= nil then
    local text = c.type .. "=" .. tostring(c.status)
    if c.reason ~= nil and c.reason ~= "" then
      text = text .. " (" .. c.reason .. ")"
    end
    if c.message ~= nil and c.message ~= "" then
      text = text .. ": " .. c.message
    end
    return text
  end
  return fallback
end

local status = obj.status
if status == nil or status.phase == nil or status.phase == "" then
  hs.status = "Progressing"
  hs.message = "Waiting for the Airlock operator"
  return hs
end

if status.conditions ~= nil then
  for _, c in ipairs(status.conditions) do
    if c.type == "Quarantined" and c.status == "True" then
      hs.status = "Degraded"
      hs.message = "Quarantined: " .. (c.message or c.reason or "")
      return hs
    end
  end
end

local phase = status.phase
if phase == "Succeeded" then
  hs.status = "Healthy"
  hs.message = describe(status, "Succeeded")
elseif phase == "Pending" or phase == "Running" then
  hs.status = "Progressing"
  hs.message = describe(status, phase)
elseif phase == "AwaitingApproval" then
  hs.status = "Progressing"
  hs.message = describe(status, "Waiting for a human approval (airlock approve)")
elseif phase == "Failed" or phase == "TimedOut" or phase == "Rejected" or phase == "Quarantined" then
  hs.status = "Degraded"
  hs.message = phase .. ": " .. describe(status, "no message")
else
  hs.status = "Unknown"
  hs.message = "Unknown phase " .. tostring(phase)
end
return hs

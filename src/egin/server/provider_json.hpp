// The providers' records as the API shows them: commands and actuator states, alarms, controller
// settings and their issues; and the check that a provider is registered (503 "not_configured").
// It must not call providers beyond what the routes ask.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>

#include "egin/runtime/actuator_commands.hpp"
#include "egin/runtime/alarms.hpp"
#include "egin/runtime/controller_settings.hpp"
#include "egin/server/server_context.hpp"

namespace egin::server {

nlohmann::json command_json(const runtime::CommandRecord& record);
nlohmann::json actuator_json(const runtime::ActuatorStatus& status);
nlohmann::json alarm_json(const runtime::Alarm& alarm);
nlohmann::json settings_json(const runtime::ControllerSettings& settings);
nlohmann::json issues_json(const std::vector<runtime::SettingsIssue>& issues);

/// The provider, or BadRequest 503 "not_configured" naming what is missing.
std::shared_ptr<runtime::CommandProvider> require_commands(ServerContext& ctx);
std::shared_ptr<runtime::AlarmProvider> require_alarms(ServerContext& ctx);
std::shared_ptr<runtime::ControllerSettingsProvider> require_settings(ServerContext& ctx);

}  // namespace egin::server

#include "egin/control/state_json.hpp"

#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "egin/core/input_error.hpp"

namespace egin::control {

using nlohmann::json;

// The state's plain parts; every field defaults when absent (older or partial documents).
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Commands, t_pipe_setpoint_c, heating_frac,
                                                vent_lee_open_frac, vent_wind_open_frac,
                                                screen_energy_closed_frac, screen_shade_closed_frac,
                                                screen_blackout_closed_frac, co2_dosing_kg_ha_h,
                                                co2_dosing_frac, lamps_on, fogging_frac,
                                                pad_fan_stage, pad_fan_frac, irrigation_start,
                                                irrigation_dose_l_m2)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PiState, integral)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VentilationState, humidity_on, storm_on,
                                                storm_hold_until_ms, has_last, lee_last_frac,
                                                wind_last_frac)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ScreenState, energy_closed, energy_position_frac,
                                                energy_last_step_ms, shade_level, shade_hot)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Co2State, day_days, dosed_today_kg_ha)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LampState, on, last_switch_ms, light_day_start_ms,
                                                on_s, light_sum_mol_m2, rad_sum_mj_m2, bright)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CoolingState, pad_stage, pad_stage_since_ms)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(IrrigationState, sum_j_cm2, last_start_ms,
                                                starts_today, day_first_start_ms)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DerivedState, radiation_sum_j_cm2,
                                                radiation_sum_start_ms, dli_mol_m2, dli_day_days)

namespace {

/// NaN is written as null (JSON has no NaN) and read back as NaN.
json number_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
double read_number_or_nan(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return it->get<double>();
}

json alarm_to_json(const AlarmRecord& r) {
  return {{"active", r.active},
          {"acknowledged", r.acknowledged},
          {"pending", r.pending},
          {"pending_since_ms", r.pending_since_ms},
          {"raised_ms", r.raised_ms},
          {"cleared_ms", r.cleared_ms},
          {"value", number_or_null(r.value)},
          {"limit", number_or_null(r.limit)}};
}

AlarmRecord alarm_from_json(const json& j) {
  AlarmRecord r;
  r.active = j.value("active", false);
  r.acknowledged = j.value("acknowledged", false);
  r.pending = j.value("pending", false);
  r.pending_since_ms = j.value("pending_since_ms", TimeMs{0});
  r.raised_ms = j.value("raised_ms", TimeMs{0});
  r.cleared_ms = j.value("cleared_ms", TimeMs{0});
  r.value = read_number_or_nan(j, "value");
  r.limit = read_number_or_nan(j, "limit");
  return r;
}

/// The object at `key`, an empty one when absent; a type error when it is not an object.
json object_at(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end()) {
    return json::object();
  }
  if (!it->is_object()) {
    throw json::type_error::create(302, std::string("is not an object"), nullptr);
  }
  return *it;
}

bool is_default(const AlarmRecord& r) {
  return !r.active && !r.pending && r.raised_ms == 0 && r.cleared_ms == 0;
}

}  // namespace

std::string state_to_json(const ControllerState& s) {
  json j;
  j["version"] = kStateJsonVersion;
  j["started"] = s.started;
  j["last_step_ms"] = s.last_step_ms;
  j["last_commands"] = s.last_commands;
  j["heating_pi"] = s.heating_pi;
  j["ventilation"] = s.ventilation;
  j["screens"] = s.screens;
  j["co2"] = s.co2;
  j["lamps"] = s.lamps;
  j["cooling"] = s.cooling;
  j["irrigation"] = s.irrigation;
  j["derived"] = s.derived;
  json overrides = json::object();
  for (std::size_t i = 0; i < kSetpointCount; ++i) {
    const SetpointOverride& o = s.operator_modes.overrides[i];
    if (o.active) {
      overrides[std::string(setpoint_info(static_cast<SetpointId>(i)).key)] = {
          {"value", o.value}, {"until_ms", o.until_ms}};
    }
  }
  j["overrides"] = overrides;
  json manual = json::object();
  for (std::size_t i = 0; i < kActuatorCount; ++i) {
    const ManualMode& m = s.operator_modes.manual[i];
    if (m.active) {
      manual[std::string(actuator_key(static_cast<ActuatorId>(i)))] = {{"value", m.value},
                                                                       {"until_ms", m.until_ms}};
    }
  }
  j["manual"] = manual;
  json alarms = json::object();
  for (std::size_t i = 0; i < kAlarmCount; ++i) {
    if (!is_default(s.alarms[i])) {
      alarms[alarm_key(alarm_id_at(i))] = alarm_to_json(s.alarms[i]);
    }
  }
  j["alarms"] = alarms;
  return j.dump();
}

ControllerState state_from_json(std::string_view text, const std::string& source_name) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {  // parse_error; out_of_range for 1e999
    throw InputError({source_name, 0, ""}, std::string("not JSON: ") + e.what(),
                     "a controller state written by state_to_json");
  }
  if (!j.is_object()) {
    throw InputError({source_name, 0, ""}, "is not a JSON object",
                     "a controller state written by state_to_json");
  }
  const int version = j.value("version", 0);
  if (version != kStateJsonVersion) {
    throw InputError({source_name, 0, "version"},
                     "state version " + std::to_string(version) + " is not known",
                     "version " + std::to_string(kStateJsonVersion));
  }
  ControllerState s;
  std::string field;
  try {
    const auto part = [&](const char* key, auto& out) {
      field = key;
      if (const auto it = j.find(key); it != j.end()) {
        it->get_to(out);
      }
    };
    part("started", s.started);
    part("last_step_ms", s.last_step_ms);
    part("last_commands", s.last_commands);
    part("heating_pi", s.heating_pi);
    part("ventilation", s.ventilation);
    part("screens", s.screens);
    part("co2", s.co2);
    part("lamps", s.lamps);
    part("cooling", s.cooling);
    part("irrigation", s.irrigation);
    part("derived", s.derived);
    field = "overrides";
    const json overrides = object_at(j, "overrides");
    for (const auto& [key, value] : overrides.items()) {
      field = "overrides." + key;
      SetpointId id{};
      if (setpoint_from_key(key, id)) {
        s.operator_modes.overrides[index_of(id)] = {true, value.at("value").get<double>(),
                                                    value.at("until_ms").get<TimeMs>()};
      }
    }
    field = "manual";
    const json manual = object_at(j, "manual");
    for (const auto& [key, value] : manual.items()) {
      field = "manual." + key;
      ActuatorId id{};
      if (actuator_from_key(key, id)) {
        s.operator_modes.manual[index_of(id)] = {true, value.at("value").get<double>(),
                                                 value.at("until_ms").get<TimeMs>()};
      }
    }
    field = "alarms";
    const json alarms = object_at(j, "alarms");
    for (const auto& [key, value] : alarms.items()) {
      field = "alarms." + key;
      AlarmId id{};
      if (alarm_from_key(key, id)) {
        s.alarms[alarm_index(id)] = alarm_from_json(value);
      }
    }
  } catch (const json::exception& e) {
    throw InputError({source_name, 0, field}, std::string("wrong value: ") + e.what(),
                     "the field as state_to_json writes it");
  }
  return s;
}

}  // namespace egin::control

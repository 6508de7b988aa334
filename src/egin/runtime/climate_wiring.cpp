#include "egin/runtime/climate_wiring.hpp"

#include <set>

#include <fmt/format.h>

namespace egin::runtime {

namespace {

using control::ActuatorId;

bool is_opener_output(ActuatorId id) {
  return id == ActuatorId::kVentLee || id == ActuatorId::kVentWind ||
         id == ActuatorId::kScreenEnergy || id == ActuatorId::kScreenShade ||
         id == ActuatorId::kScreenBlackout;
}

bool is_switch_output(ActuatorId id) {
  return id == ActuatorId::kHeating || id == ActuatorId::kCo2 || id == ActuatorId::kFogging ||
         id == ActuatorId::kLamps || id == ActuatorId::kPadFan;
}

bool is_channel_key(const std::string& key) {
  const auto a = key.find('/');
  const auto b = a == std::string::npos ? a : key.find('/', a + 1);
  return a != std::string::npos && b != std::string::npos && a > 0 && b > a + 1 &&
         b + 1 < key.size() && key.find('/', b + 1) == std::string::npos;
}

ActuatorId output_of(const TomlFields& f, bool opener) {
  const std::string name = f.text("output");
  ActuatorId id{};
  if (!control::actuator_from_key(name, id) ||
      !(opener ? is_opener_output(id) : is_switch_output(id))) {
    f.fail("output", fmt::format("'{}' is not an {} output", name, opener ? "opener" : "switch"),
           opener ? "vent_lee, vent_wind, screen_energy, screen_shade or screen_blackout"
                  : "heating, co2, fogging, lamps or pad_fan");
  }
  return id;
}

int table_line(const toml::table& t) {
  const auto line = t.source().begin.line;
  return line > 1'000'000'000U ? 0 : static_cast<int>(line);
}

}  // namespace

ClimateWiring parse_climate_wiring(const TomlFields& f, int line,
                                   const std::filesystem::path& base_dir) {
  f.reject_unknown_keys(
      {"zone", "settings", "manual_hold_s", "deadband_frac", "sensors", "openers", "switches"});
  ClimateWiring w;
  w.line = line;
  w.zone = f.text("zone");
  const std::filesystem::path settings(f.text("settings"));
  w.settings = settings.is_absolute() || base_dir.empty() ? settings : base_dir / settings;
  w.manual_hold_s = f.optional_number("manual_hold_s", 0.0, 7.0 * 86400.0, "s").value_or(3600.0);
  w.deadband_frac = f.optional_number("deadband_frac", 0.0, 0.5, "").value_or(0.05);
  if (const toml::table* sensors = f.optional_table("sensors")) {
    const TomlFields s(*sensors, f.source_name(), f.path_of("sensors"));
    for (const auto& [key, value] : *sensors) {
      control::SensorId id{};
      if (!control::sensor_from_key(key.str(), id)) {
        s.fail(key.str(), "not a measurement of the climate computer",
               "t_air_c, rh_air_pct, co2_air_ppm, t_out_c, rh_out_pct, iglob_w_m2, wind_m_s, "
               "rain_mm_h, t_pipe_c, par_air_umol_m2_s or a vent/screen feedback");
      }
      const std::string channel = s.text(key.str());
      if (!is_channel_key(channel)) {
        s.fail(key.str(), fmt::format("'{}' is not a channel key", channel),
               "\"zone/device/channel\"");
      }
      w.sensors[control::index_of(id)] = channel;
    }
  }
  std::set<std::string> used;
  std::set<ActuatorId> outputs;
  const auto openers = f.table_array("openers");
  for (std::size_t i = 0; i < openers.size(); ++i) {
    const TomlFields o(*openers[i], f.source_name(), f.path_of(fmt::format("openers[{}]", i)));
    o.reject_unknown_keys({"output", "actuator", "travel_s"});
    ClimateActuatorWiring a;
    a.line = table_line(*openers[i]);
    a.opener = true;
    a.output = output_of(o, true);
    a.key = o.text("actuator");
    a.travel_s = o.number("travel_s", 1.0, 3600.0, "s");
    if (!is_channel_key(a.key)) {
      o.fail("actuator", fmt::format("'{}' is not an actuator key", a.key),
             "\"zone/device/opener_k\"");
    }
    if (!outputs.insert(a.output).second) {
      o.fail("output", "output wired twice", "one opener per output");
    }
    if (!used.insert(a.key).second) {
      o.fail("actuator", "actuator wired twice", "one output per actuator");
    }
    w.actuators.push_back(std::move(a));
  }
  const auto switches = f.table_array("switches");
  for (std::size_t i = 0; i < switches.size(); ++i) {
    const TomlFields o(*switches[i], f.source_name(), f.path_of(fmt::format("switches[{}]", i)));
    o.reject_unknown_keys({"output", "actuators"});
    const ActuatorId output = output_of(o, false);
    if (!outputs.insert(output).second) {
      o.fail("output", "output wired twice", "one [[climate.switches]] per output");
    }
    const std::vector<std::string> keys = o.text_list("actuators");
    if (keys.empty() || keys.size() > 16) {
      o.fail("actuators", "no switches given", "1 to 16 \"zone/device/switch_k\" in stage order");
    }
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (!is_channel_key(keys[k])) {
        o.fail("actuators", fmt::format("'{}' is not an actuator key", keys[k]),
               "\"zone/device/switch_k\"");
      }
      if (!used.insert(keys[k]).second) {
        o.fail("actuators", fmt::format("'{}' wired twice", keys[k]), "one output per actuator");
      }
      ClimateActuatorWiring a;
      a.line = table_line(*switches[i]);
      a.output = output;
      a.key = keys[k];
      a.stage = static_cast<int>(k) + 1;
      a.stages = static_cast<int>(keys.size());
      w.actuators.push_back(std::move(a));
    }
  }
  if (w.actuators.empty()) {
    f.fail("openers", "the climate computer drives nothing",
           "at least one [[climate.openers]] or [[climate.switches]]");
  }
  return w;
}

}  // namespace egin::runtime

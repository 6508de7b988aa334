#include "demo_farm_file.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include "egin/core/input_error.hpp"
#include "egin/core/toml_fields.hpp"
#include "egin/devices/ksx3267_codes.hpp"

namespace egin::cli {

namespace fs = std::filesystem;
namespace k = egin::ksx3267;

namespace {

fs::path existing(const TomlFields& f, const fs::path& dir, std::string_view key) {
  const fs::path path = (dir / f.text(key)).lexically_normal();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    f.fail(key, "no file '" + path.string() + "'", "a path relative to the farm file");
  }
  return path;
}

const devices::SimNodeConfig* node_of(const devices::SimConfig& nodes, int slave) {
  for (const auto& n : nodes.nodes) {
    if (n.slave == slave) {
      return &n;
    }
  }
  return nullptr;
}

}  // namespace

DemoFarmFile load_demo_farm_file(const fs::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw InputError({path.string(), 0, ""}, "cannot read the demo farm file");
  }
  std::stringstream text;
  text << in.rdbuf();
  const std::string source = path.string();
  const toml::table root = parse_toml_text(text.str(), source);
  const fs::path dir = path.parent_path();
  const TomlFields top(root, source, "");
  top.reject_unknown_keys({"nodes", "clock", "greenhouse", "station", "wiring"});

  DemoFarmFile out;
  out.file = path;
  auto table = [&](std::string_view key) {
    const toml::table* t = top.optional_table(key);
    if (t == nullptr) {
      top.fail(key, "missing table [" + std::string(key) + "]");
    }
    return TomlFields(*t, source, std::string(key));
  };
  const TomlFields clock = table("clock");
  clock.reject_unknown_keys({"speed", "start"});
  out.speed = clock.number("speed", 1.0, 100000.0, "×");
  out.start = clock.text("start");
  if (!parse_iso_time_ms(out.start)) {
    clock.fail("start", "'" + out.start + "' is not an ISO 8601 time", "2025-07-10T06:00:00+05:00");
  }

  const TomlFields gh = table("greenhouse");
  gh.reject_unknown_keys({"zone", "design", "settings", "weather", "manual_hold_s", "step_s"});
  out.greenhouse_zone = gh.text("zone");
  out.design = existing(gh, dir, "design");
  out.settings = existing(gh, dir, "settings");
  out.greenhouse_weather = existing(gh, dir, "weather");
  out.wiring.manual_hold_s = gh.number("manual_hold_s", 60.0, 86400.0, "s");
  out.step_s = gh.number("step_s", 10.0, 3600.0, "s");

  const TomlFields st = table("station");
  st.reject_unknown_keys({"prefix", "weather", "elevation_m", "history_h"});
  out.station_prefix = st.text("prefix");
  out.station_weather = existing(st, dir, "weather");
  out.station_elevation_m = st.number("elevation_m", -500.0, 9000.0, "m");
  out.station_history_h = st.number("history_h", 0.0, 24.0 * 30.0, "h");

  out.nodes = devices::load_sim_config(existing(top, dir, "nodes"));
  const auto wiring = top.table_array("wiring");
  for (std::size_t i = 0; i < wiring.size(); ++i) {
    const TomlFields w(*wiring[i], source, "wiring[" + std::to_string(i) + "]");
    w.reject_unknown_keys({"slave", "slots"});
    const int slave = w.integer("slave", 1, 247, "");
    const devices::SimNodeConfig* node = node_of(out.nodes, slave);
    if (node == nullptr) {
      w.fail("slave", "no node " + std::to_string(slave) + " in the nodes file",
             "a slave of the nodes file");
    }
    const toml::table* slots = w.optional_table("slots");
    if (slots == nullptr) {
      w.fail("slots", "missing", "a table slot = \"what\"");
    }
    const bool sensor = node->product_type == k::kProductSensorNode;
    for (const auto& [key, value] : *slots) {
      const std::string slot_text(key.str());
      int slot = 0;
      const auto [end, ec] =
          std::from_chars(slot_text.data(), slot_text.data() + slot_text.size(), slot);
      if (ec != std::errc{} || end != slot_text.data() + slot_text.size() || slot < 1 ||
          slot > static_cast<int>(node->device_codes.size())) {
        w.fail("slots", "slot '" + slot_text + "' is not a slot of node " + std::to_string(slave),
               "1 to " + std::to_string(node->device_codes.size()));
      }
      const auto name = value.value<std::string>();
      if (!name) {
        w.fail("slots", "slot " + slot_text + ": not a string");
      }
      if (sensor) {
        const auto quantity = runtime::parse_greenhouse_quantity(*name);
        if (!quantity) {
          w.fail("slots", "slot " + slot_text + ": unknown quantity '" + *name + "'",
                 "air_temperature, relative_humidity, co2, par, pipe_temperature, "
                 "outdoor_temperature or outdoor_radiation");
        }
        out.wiring.sensors[{slave, slot}] = *quantity;
      } else {
        control::ActuatorId id{};
        if (!control::actuator_from_key(*name, id)) {
          w.fail("slots", "slot " + slot_text + ": unknown actuator '" + *name + "'",
                 "vent_lee, vent_wind, screen_energy, screen_shade, screen_blackout, co2, "
                 "lamps, fogging");
        }
        out.wiring.actuators[{slave, slot}] = id;
      }
    }
  }
  return out;
}

}  // namespace egin::cli

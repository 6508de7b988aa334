#include "egin/control/setpoints.hpp"

namespace egin::control {
namespace {

constexpr std::array<SetpointInfo, kSetpointCount> kInfo{{
    {"t_heat_c", "heating temperature", "°C", 0.0, 40.0},
    {"vent_dead_zone_c", "ventilation dead zone", "°C", 0.0, 15.0},
    {"rh_max_pct", "maximum relative humidity", "%", 40.0, 100.0},
    {"hd_min_g_m3", "minimum humidity deficit", "g/m³", 0.0, 15.0},
    {"co2_ppm", "CO2 set-point", "ppm", 0.0, 3000.0},
    {"t_pipe_min_c", "minimum pipe temperature", "°C", 0.0, 95.0},
}};

}  // namespace

Setpoints blend(const Setpoints& a, const Setpoints& b, double t) {
  Setpoints out;
  for (std::size_t i = 0; i < kSetpointCount; ++i) {
    out.values[i] = a.values[i] + (b.values[i] - a.values[i]) * t;
  }
  return out;
}

const SetpointInfo& setpoint_info(SetpointId id) { return kInfo[index_of(id)]; }

bool setpoint_from_key(std::string_view key, SetpointId& id) {
  for (std::size_t i = 0; i < kSetpointCount; ++i) {
    if (kInfo[i].key == key) {
      id = static_cast<SetpointId>(i);
      return true;
    }
  }
  return false;
}

}  // namespace egin::control

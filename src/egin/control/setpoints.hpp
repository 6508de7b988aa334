// Setpoints: the climate set-points a time band gives (heating temperature, ventilation dead
// zone, humidity limits, CO2, minimum pipe temperature), addressable by SetpointId so that
// bands ramp, calendar curves shift and operator overrides replace any of them the same way.
// Each id has its settings key, unit and accepted range here.
//
// | id              | key              | meaning                                          | unit  |
// |-----------------|------------------|--------------------------------------------------|-------|
// | kTHeatC         | t_heat_c         | heating set-point of the air                     | °C    |
// | kVentDeadZoneC  | vent_dead_zone_c | ventilation temperature = heating + this         | °C    |
// | kRhMaxPct       | rh_max_pct       | humidity venting / screen gap above this RH      | %     |
// | kHdMinGM3       | hd_min_g_m3      | humidity venting below this humidity deficit     | g m⁻³ |
// | kCo2Ppm         | co2_ppm          | CO2 set-point while dosing is allowed            | ppm   |
// | kTPipeMinC      | t_pipe_min_c     | minimum pipe temperature (0 = no minimum)        | °C    |
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace egin::control {

enum class SetpointId : std::uint8_t {
  kTHeatC,
  kVentDeadZoneC,
  kRhMaxPct,
  kHdMinGM3,
  kCo2Ppm,
  kTPipeMinC,
};
inline constexpr std::size_t kSetpointCount = 6;

inline constexpr std::size_t index_of(SetpointId id) { return static_cast<std::size_t>(id); }

struct Setpoints {
  std::array<double, kSetpointCount> values{};

  [[nodiscard]] double operator[](SetpointId id) const { return values[index_of(id)]; }
  double& operator[](SetpointId id) { return values[index_of(id)]; }
};

/// Setpoints a + (b − a) t, for every id.
Setpoints blend(const Setpoints& a, const Setpoints& b, double t);

struct SetpointInfo {
  std::string_view key;
  std::string_view label;
  std::string_view unit;
  double min;
  double max;
};

/// Key, label, unit and the accepted range (bands, overrides) of a set-point.
const SetpointInfo& setpoint_info(SetpointId id);
/// Sets `id` to the set-point whose key is `key`; false (and `id` untouched) when none has it.
bool setpoint_from_key(std::string_view key, SetpointId& id);

}  // namespace egin::control

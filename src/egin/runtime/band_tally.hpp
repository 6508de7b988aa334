// BandTally: how many hours a closed-loop run (climate_computer_driver.hpp) kept the air
// temperature and humidity within the controller's configured bands, and for every hour outside
// them, why — so a summary can say "in band 97 % of the hours where the equipment can; 14 h
// below with the heating at capacity".
//
// Each control step is judged on the twin's true state at its start against the set-points the
// controller worked with in that step (the ramped band, calendar and overrides), and the
// actuators over the step:
//
// | variable | in band when                                                                |
// |----------|-----------------------------------------------------------------------------|
// | t_air    | t_heat_c − t_below_heat_c ≤ T ≤ t_vent_c + t_above_vent_c                     |
// | rh_air   | RH ≤ rh_max_pct + rh_above_max_pct                                          |
// The tolerances are those of a P-band controller: it holds T near the heating set-point from
// below and opens the vents over a P-band above the ventilation temperature (t_vent = t_heat +
// dead zone), so the band's edges are the set-points widened by BandLimits.
//
// | reason (out of band)      | when                                                        | equipment can? |
// |---------------------------|-------------------------------------------------------------|----------------|
// | heating_capacity          | too cold, boiler (and a design's air heater) at full        | no             |
// | cooling_capacity          | too warm, heating off, pad-and-fan at its top stage, or      | no             |
// |                           | (no pad, or outdoor air too humid for it) vents at their     |                |
// |                           | weather caps and fogging at its maximum or interlocked      |                |
// | dehumidification_capacity | too humid, vents at their caps (cold, wind, storm, rain)    | no             |
// | evaporative_cooling       | too humid while pads or fogging cool, or the fog's humidity | no             |
// |                           | interlock has just stopped it (temperature first)           |                |
// | safe_state                | a lost sensor's safe state drives the actuators             | no             |
// | manual                    | an actuator in operator manual mode                         | no             |
// | stuck_actuator            | an injected actuator fault                                  | no             |
// | control                   | none of these: the controller had equipment to spare        | yes            |
// "Hours where the equipment can" = hours in band + hours out for `control`.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "egin/control/settings.hpp"
#include "egin/runtime/climate_computer_driver.hpp"

namespace egin::runtime {

struct BandLimits {
  double t_below_heat_c = 1.0;
  double t_above_vent_c = 2.0;
  double rh_above_max_pct = 5.0;
};

enum class BandReason : std::uint8_t {
  kControl,
  kHeatingCapacity,
  kCoolingCapacity,
  kDehumidificationCapacity,
  kEvaporativeCooling,
  kSafeState,
  kManual,
  kStuckActuator,
};
inline constexpr std::size_t kBandReasonCount = 8;

std::string_view band_reason_key(BandReason r);

struct VariableBandHours {
  double hours = 0.0;
  double in_band_hours = 0.0;
  double below_hours = 0.0;
  double above_hours = 0.0;
  std::array<double, kBandReasonCount> out_hours{};  // by BandReason

  [[nodiscard]] double out_hours_for(BandReason r) const {
    return out_hours[static_cast<std::size_t>(r)];
  }
  /// Hours in band plus hours out with equipment to spare.
  [[nodiscard]] double hours_equipment_can() const {
    return in_band_hours + out_hours_for(BandReason::kControl);
  }
  /// In-band share of the hours where the equipment can (1 when there are none).
  [[nodiscard]] double in_band_share_where_can() const {
    const double can = hours_equipment_can();
    return can > 0.0 ? in_band_hours / can : 1.0;
  }
};

class BandTally final {
 public:
  BandTally(const control::ControllerSettings& settings, const ControlsMapping& mapping,
            BandLimits limits = {});

  /// Judges one step (a ClimateComputerDriver step observer).
  void add(const StepRecord& record);

  [[nodiscard]] const VariableBandHours& t_air() const { return t_air_; }
  [[nodiscard]] const VariableBandHours& rh_air() const { return rh_air_; }
  [[nodiscard]] const BandLimits& limits() const { return limits_; }

 private:
  const control::ControllerSettings* settings_;
  ControlsMapping mapping_;
  BandLimits limits_;
  VariableBandHours t_air_;
  VariableBandHours rh_air_;
};

}  // namespace egin::runtime

#include "egin/runtime/twin_actuators.hpp"

#include <algorithm>
#include <cmath>

namespace egin::runtime {

namespace {

double clamp01(double v) { return std::clamp(std::isfinite(v) ? v : 0.0, 0.0, 1.0); }

bool is_stuck(StuckMask stuck, control::ActuatorId id) {
  return (stuck & (1u << control::index_of(id))) != 0;
}

// 1 kg ha⁻¹ h⁻¹ = 1e6 mg / (1e4 m² · 3600 s) mg m⁻² s⁻¹.
constexpr double kMgM2SPerKgHaH = 1e6 / (1e4 * 3600.0);

}  // namespace

ControlsMapping controls_mapping_for(const greenhouse::GreenhouseDesign& design) {
  ControlsMapping m;
  m.windward_is_side_vent = design.ventilation.side_area_m2 > 0.0;
  m.co2_capacity_mg_m2_s = design.co2_capacity_mg_m2_s;
  m.has_air_heater =
      design.installed.air_heater && design.hot_climate.air_heater_capacity_w_m2 > 0.0;
  return m;
}

ActuatorPositions targets_from_commands(const control::Commands& c, double heating_demand_frac,
                                        bool air_heater_allowed, const ControlsMapping& mapping) {
  ActuatorPositions t;
  t.heating_frac = clamp01(c.heating_frac);
  if (mapping.has_air_heater && air_heater_allowed && mapping.air_heater_start_frac < 1.0) {
    // The second stage: a P-band over the top (1 − start) of the heating demand.
    t.air_heater_frac = clamp01((heating_demand_frac - mapping.air_heater_start_frac) /
                                (1.0 - mapping.air_heater_start_frac));
  }
  t.vent_lee_open_frac = clamp01(c.vent_lee_open_frac);
  t.vent_wind_open_frac = clamp01(c.vent_wind_open_frac);
  t.screen_energy_closed_frac = clamp01(c.screen_energy_closed_frac);
  t.screen_shade_closed_frac = clamp01(c.screen_shade_closed_frac);
  t.screen_blackout_closed_frac = clamp01(c.screen_blackout_closed_frac);
  t.co2_dosing_kg_ha_h =
      std::max(0.0, std::isfinite(c.co2_dosing_kg_ha_h) ? c.co2_dosing_kg_ha_h : 0.0);
  t.lamps_on = c.lamps_on;
  t.fogging_frac = clamp01(c.fogging_frac);
  t.pad_fan_frac = clamp01(c.pad_fan_frac);
  return t;
}

double travel_position(double from, double target, double rate_frac_per_min, double dt_s,
                       double& mean) {
  const double distance = std::abs(target - from);
  if (dt_s <= 0.0 || distance == 0.0) {
    mean = from;
    return dt_s <= 0.0 ? from : target;
  }
  if (!(rate_frac_per_min > 0.0) || !std::isfinite(rate_frac_per_min)) {
    mean = target;  // no rate: instantaneous
    return target;
  }
  const double rate_frac_s = rate_frac_per_min / 60.0;
  const double t_travel_s = distance / rate_frac_s;
  const double dir = target > from ? 1.0 : -1.0;
  if (t_travel_s >= dt_s) {
    const double end = from + dir * rate_frac_s * dt_s;
    mean = 0.5 * (from + end);
    return end;
  }
  // A ramp for t_travel_s, then at the target for the rest.
  mean = (t_travel_s * 0.5 * (from + target) + (dt_s - t_travel_s) * target) / dt_s;
  return target;
}

ActuatorPositions travel(ActuatorPositions& p, const ActuatorPositions& t,
                         const ActuatorTravel& rates, StuckMask stuck, double dt_s) {
  using control::ActuatorId;
  ActuatorPositions mean = p;
  auto move = [&](double& pos, double target, double rate, double& m, ActuatorId id) {
    if (is_stuck(stuck, id)) {
      m = pos;
      return;
    }
    pos = travel_position(pos, target, rate, dt_s, m);
  };
  auto jump = [&](auto& pos, auto target, auto& m, ActuatorId id) {
    if (!is_stuck(stuck, id)) {
      pos = target;
    }
    m = pos;
  };
  move(p.vent_lee_open_frac, t.vent_lee_open_frac, rates.vent_frac_per_min, mean.vent_lee_open_frac,
       ActuatorId::kVentLee);
  move(p.vent_wind_open_frac, t.vent_wind_open_frac, rates.vent_frac_per_min,
       mean.vent_wind_open_frac, ActuatorId::kVentWind);
  move(p.screen_energy_closed_frac, t.screen_energy_closed_frac, rates.screen_frac_per_min,
       mean.screen_energy_closed_frac, ActuatorId::kScreenEnergy);
  move(p.screen_shade_closed_frac, t.screen_shade_closed_frac, rates.screen_frac_per_min,
       mean.screen_shade_closed_frac, ActuatorId::kScreenShade);
  move(p.screen_blackout_closed_frac, t.screen_blackout_closed_frac, rates.screen_frac_per_min,
       mean.screen_blackout_closed_frac, ActuatorId::kScreenBlackout);
  jump(p.heating_frac, t.heating_frac, mean.heating_frac, ActuatorId::kHeating);
  jump(p.air_heater_frac, t.air_heater_frac, mean.air_heater_frac, ActuatorId::kHeating);
  jump(p.co2_dosing_kg_ha_h, t.co2_dosing_kg_ha_h, mean.co2_dosing_kg_ha_h, ActuatorId::kCo2);
  jump(p.lamps_on, t.lamps_on, mean.lamps_on, ActuatorId::kLamps);
  jump(p.fogging_frac, t.fogging_frac, mean.fogging_frac, ActuatorId::kFogging);
  jump(p.pad_fan_frac, t.pad_fan_frac, mean.pad_fan_frac, ActuatorId::kPadFan);
  return mean;
}

greenhouse::Controls to_controls(const ActuatorPositions& p, const ControlsMapping& mapping) {
  greenhouse::Controls u;
  u.boiler_frac = clamp01(p.heating_frac);
  u.air_heater_frac = mapping.has_air_heater ? clamp01(p.air_heater_frac) : 0.0;
  if (mapping.windward_is_side_vent) {
    u.roof_vent_frac = clamp01(p.vent_lee_open_frac);
    u.side_vent_frac = clamp01(p.vent_wind_open_frac);
  } else {
    u.roof_vent_frac = clamp01(0.5 * (p.vent_lee_open_frac + p.vent_wind_open_frac));
    u.side_vent_frac = 0.0;
  }
  u.thermal_screen_frac = clamp01(p.screen_energy_closed_frac);
  u.shade_screen_frac = clamp01(p.screen_shade_closed_frac);
  u.blackout_screen_frac = clamp01(p.screen_blackout_closed_frac);
  u.co2_dosing_frac =
      mapping.co2_capacity_mg_m2_s > 0.0
          ? clamp01(p.co2_dosing_kg_ha_h * kMgM2SPerKgHaH / mapping.co2_capacity_mg_m2_s)
          : 0.0;
  u.lamp_frac = p.lamps_on ? 1.0 : 0.0;
  u.fog_frac = clamp01(p.fogging_frac);
  u.pad_fan_frac = clamp01(p.pad_fan_frac);
  return u;
}

}  // namespace egin::runtime

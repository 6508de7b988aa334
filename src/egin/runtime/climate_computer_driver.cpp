#include "egin/runtime/climate_computer_driver.hpp"

#include <cmath>
#include <string>

#include "egin/control/alarms.hpp"
#include "egin/control/operator_modes.hpp"
#include "egin/control/safety.hpp"

namespace egin::runtime {

namespace {

using control::ActuatorId;
using control::SensorId;

TimeMs to_ms(double utc_s) { return static_cast<TimeMs>(std::llround(utc_s * 1000.0)); }

std::string status_name(control::SensorStatus s) {
  switch (s) {
    case control::SensorStatus::kOk:
      return "ok";
    case control::SensorStatus::kNotInstalled:
      return "not_installed";
    case control::SensorStatus::kMissing:
      return "missing";
    case control::SensorStatus::kOutOfRange:
      return "out_of_range";
    case control::SensorStatus::kStale:
      return "stale";
  }
  return "unknown";
}

}  // namespace

double command_of(const control::Commands& c, ActuatorId id) {
  switch (id) {
    case ActuatorId::kHeating:
      return c.t_pipe_setpoint_c;
    case ActuatorId::kVentLee:
      return c.vent_lee_open_frac;
    case ActuatorId::kVentWind:
      return c.vent_wind_open_frac;
    case ActuatorId::kScreenEnergy:
      return c.screen_energy_closed_frac;
    case ActuatorId::kScreenShade:
      return c.screen_shade_closed_frac;
    case ActuatorId::kScreenBlackout:
      return c.screen_blackout_closed_frac;
    case ActuatorId::kCo2:
      return c.co2_dosing_frac;
    case ActuatorId::kLamps:
      return c.lamps_on ? 1.0 : 0.0;
    case ActuatorId::kFogging:
      return c.fogging_frac;
    case ActuatorId::kPadFan:
      return static_cast<double>(c.pad_fan_stage);
    case ActuatorId::kIrrigation:
      return c.irrigation_start ? c.irrigation_dose_l_m2 : 0.0;
  }
  return 0.0;
}

double position_of(const ActuatorPositions& p, ActuatorId id) {
  switch (id) {
    case ActuatorId::kHeating:
      return p.heating_frac;
    case ActuatorId::kVentLee:
      return p.vent_lee_open_frac;
    case ActuatorId::kVentWind:
      return p.vent_wind_open_frac;
    case ActuatorId::kScreenEnergy:
      return p.screen_energy_closed_frac;
    case ActuatorId::kScreenShade:
      return p.screen_shade_closed_frac;
    case ActuatorId::kScreenBlackout:
      return p.screen_blackout_closed_frac;
    case ActuatorId::kCo2:
      return p.co2_dosing_kg_ha_h;
    case ActuatorId::kLamps:
      return p.lamps_on ? 1.0 : 0.0;
    case ActuatorId::kFogging:
      return p.fogging_frac;
    case ActuatorId::kPadFan:
      return p.pad_fan_frac;
    case ActuatorId::kIrrigation:
      return 0.0;
  }
  return 0.0;
}

ClimateComputerDriver::ClimateComputerDriver(control::ControllerSettings settings,
                                             const greenhouse::GreenhouseDesign& design,
                                             control::SiteInfo site, DriverOptions options)
    : settings_(std::move(settings)),
      site_(site),
      options_(std::move(options)),
      mapping_(controls_mapping_for(design)),
      sensors_(options_.faults) {
  mapping_.air_heater_start_frac = options_.air_heater_start_frac;
}

StuckMask ClimateComputerDriver::stuck_at(TimeMs now_ms) const {
  StuckMask mask = 0;
  for (const ActuatorFault& f : options_.faults.actuator_faults) {
    if (f.kind == ActuatorFaultKind::kStuck && fault_active(f.from_ms, f.until_ms, now_ms)) {
      mask |= 1u << control::index_of(f.actuator);
    }
  }
  return mask;
}

greenhouse::Controls ClimateComputerDriver::decide(const greenhouse::Outputs& now, double dt_s) {
  const TimeMs now_ms = to_ms(now.time_utc_s);
  if (!last_) {
    // The actuators stand where the twin's controls in force put them (a cold start: closed).
    positions_.vent_lee_open_frac = now.controls.roof_vent_frac;
    positions_.vent_wind_open_frac =
        mapping_.windward_is_side_vent ? now.controls.side_vent_frac : now.controls.roof_vent_frac;
    positions_.screen_energy_closed_frac = now.controls.thermal_screen_frac;
    positions_.screen_shade_closed_frac = now.controls.shade_screen_frac;
    positions_.screen_blackout_closed_frac = now.controls.blackout_screen_frac;
  }
  // 1. Sensors.
  measurements_ = sensors_.read(now_ms, true_sensor_values(now, positions_));
  // 2. The climate computer (rules, safety layer, alarms).
  control::StepInput input;
  input.now_ms = now_ms;
  input.site = site_;
  input.measurements = measurements_;
  if (options_.radiation_forecast) {
    input.forecast_rad_sum_mj_m2 = now.outdoor.day_rad_sum_mj_m2;
  }
  last_ = control::step(settings_, input, state_);
  const control::Explanation& ex = last_->explanation;
  // 3. Actuators.
  const bool manual_heating =
      (ex.manual_active & (1u << control::index_of(ActuatorId::kHeating))) != 0;
  const bool air_heater_allowed =
      ex.heating.air_known && !manual_heating && (ex.safe_states & control::kSafeHeatingFrost) == 0;
  targets_ =
      targets_from_commands(last_->commands, ex.heating.demand_frac, air_heater_allowed, mapping_);
  const StuckMask stuck = stuck_at(now_ms);
  const ActuatorPositions mean = travel(positions_, targets_, options_.travel, stuck, dt_s);
  const greenhouse::Controls u = to_controls(mean, mapping_);
  if (observer_) {
    StepRecord r;
    r.start_utc_s = now.time_utc_s;
    r.dt_s = dt_s;
    r.before = &now;
    r.measurements = &measurements_;
    r.result = &*last_;
    r.targets = &targets_;
    r.mean_positions = &mean;
    r.controls = &u;
    r.stuck = stuck;
    observer_(r);
  }
  return u;
}

void ClimateComputerDriver::set_manual(ActuatorId id, double value, TimeMs until_ms) {
  control::set_manual(state_.operator_modes, id, value, until_ms);
}

void ClimateComputerDriver::clear_manual(ActuatorId id) {
  control::clear_manual(state_.operator_modes, id);
}

void ClimateComputerDriver::set_override(control::SetpointId id, double value, TimeMs until_ms,
                                         double now_utc_s) {
  control::set_override(state_.operator_modes, id, value, to_ms(now_utc_s), until_ms);
}

void ClimateComputerDriver::clear_override(control::SetpointId id) {
  control::clear_override(state_.operator_modes, id);
}

bool ClimateComputerDriver::acknowledge(std::string_view alarm_key) {
  control::AlarmId id;
  if (!control::alarm_from_key(alarm_key, id)) {
    return false;
  }
  return control::acknowledge_alarm(state_.alarms, id);
}

LoopSnapshot ClimateComputerDriver::snapshot(const greenhouse::GreenhouseTwin& twin) const {
  LoopSnapshot s;
  s.time_utc_s = twin.time_utc_s();
  // Sensors as read at the last step.
  for (std::size_t i = 0; i < control::kSensorCount; ++i) {
    const auto id = static_cast<SensorId>(i);
    NamedValue v{std::string(control::sensor_key(id)), measurements_[id].value,
                 std::string(control::sensor_unit(id)), "not_read"};
    if (last_) {
      v.status = status_name(last_->explanation.sensors.status[i]);
    }
    s.sensors.push_back(std::move(v));
  }
  // The twin's true values now.
  const greenhouse::Outputs o = twin.outputs();
  auto twin_value = [&s](const char* name, double value, const char* unit) {
    s.twin.push_back({name, value, unit, ""});
  };
  twin_value("t_air_c", o.t_air_c, "°C");
  twin_value("rh_air_pct", o.rh_air_pct, "%");
  twin_value("vpd_air_kpa", o.vpd_air_kpa, "kPa");
  twin_value("co2_air_ppm", o.co2_air_ppm, "ppm");
  twin_value("t_can_c", o.t_can_c, "°C");
  twin_value("t_pipe_c", o.t_pipe_c, "°C");
  twin_value("par_can_umol_m2_s", o.par_can_umol_m2_s, "µmol/(m²·s)");
  twin_value("heating_w_m2", o.heating_w_m2, "W/m²");
  twin_value("lamp_w_m2", o.lamp_w_m2, "W/m²");
  twin_value("transpiration_g_m2_h", o.transpiration_kg_m2_s * 3.6e6, "g/(m²·h)");
  twin_value("ventilation_m3_m2_s", o.ventilation_m3_m2_s, "m³/(m²·s)");
  twin_value("lai", o.lai, "m²/m²");
  twin_value("t_out_c", o.outdoor.t_out_c, "°C");
  twin_value("rh_out_pct", o.outdoor.rh_out_pct, "%");
  twin_value("iglob_w_m2", o.outdoor.iglob_w_m2, "W/m²");
  twin_value("wind_m_s", o.outdoor.wind_m_s, "m/s");
  // Actuators.
  const StuckMask stuck = stuck_at(to_ms(s.time_utc_s));
  for (std::size_t i = 0; i < control::kActuatorCount; ++i) {
    const auto id = static_cast<ActuatorId>(i);
    ActuatorSnapshot a;
    a.name = std::string(control::actuator_key(id));
    a.position = position_of(positions_, id);
    a.command = last_ ? command_of(last_->commands, id) : 0.0;
    switch (id) {
      case ActuatorId::kHeating:
        a.unit = "position: boiler 0–1; command: pipe set-point °C";
        break;
      case ActuatorId::kCo2:
        a.unit = "position: kg/(ha·h); command: 0–1 of capacity";
        break;
      case ActuatorId::kPadFan:
        a.unit = "position: 0–1; command: stage";
        break;
      case ActuatorId::kIrrigation:
        a.unit = "L/m² per start";
        break;
      default:
        a.unit = "0–1";
        break;
    }
    const control::ManualMode& m = state_.operator_modes.manual[i];
    a.manual = m.active;
    a.manual_until_ms = m.active ? m.until_ms : 0;
    a.stuck = (stuck & (1u << i)) != 0;
    s.actuators.push_back(std::move(a));
  }
  // Active alarms.
  for (std::size_t i = 0; i < control::kAlarmCount; ++i) {
    const control::AlarmRecord& r = state_.alarms[i];
    if (!r.active) {
      continue;
    }
    const control::AlarmId id = control::alarm_id_at(i);
    s.alarms.push_back({control::alarm_key(id), control::alarm_message(id, r),
                        control::alarm_priority(settings_.alarms, id), r.raised_ms,
                        r.acknowledged});
  }
  // Working set-points.
  if (last_) {
    for (std::size_t i = 0; i < control::kSetpointCount; ++i) {
      const auto id = static_cast<control::SetpointId>(i);
      const control::SetpointInfo& info = control::setpoint_info(id);
      s.setpoints.push_back(
          {std::string(info.key), last_->explanation.setpoints[id], std::string(info.unit), ""});
    }
    s.setpoints.push_back({"t_vent_c", last_->explanation.t_vent_c, "°C", ""});
  }
  // Totals.
  const greenhouse::Totals t = twin.totals();
  s.totals.push_back({"heating_mj_m2",
                      (t.heat_pipe_j_m2 + t.heat_grow_pipe_j_m2 + t.heat_air_heater_j_m2) / 1e6,
                      "MJ/m²", ""});
  s.totals.push_back({"air_heater_mj_m2", t.heat_air_heater_j_m2 / 1e6, "MJ/m²", ""});
  s.totals.push_back(
      {"lamp_electricity_mj_m2", (t.lamp_j_m2 + t.interlight_j_m2) / 1e6, "MJ/m²", ""});
  s.totals.push_back({"co2_dosed_kg_m2", t.co2_dosed_mg_m2 / 1e6, "kg/m²", ""});
  s.totals.push_back({"transpiration_l_m2", t.transpiration_kg_m2, "L/m²", ""});
  s.totals.push_back({"fog_water_l_m2", t.fog_water_kg_m2, "L/m²", ""});
  s.totals.push_back({"pad_water_l_m2", t.pad_water_kg_m2, "L/m²", ""});
  return s;
}

}  // namespace egin::runtime

#include "egin/control/explain.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace egin::control {
namespace {

std::vector<std::string> names_of(std::uint32_t bits,
                                  const std::vector<std::pair<std::uint32_t, const char*>>& all) {
  std::vector<std::string> out;
  for (const auto& [bit, name] : all) {
    if ((bits & bit) != 0) {
      out.emplace_back(name);
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    out += out.empty() ? n : ", " + n;
  }
  return out;
}

std::string local_clock(TimeMs t_ms, int utc_offset_min) {
  const int m = static_cast<int>(local_minute_of_day(t_ms, utc_offset_min));
  return fmt::format("{:02}:{:02}", m / 60, m % 60);
}

const char* energy_reason(EnergyScreenReason r) {
  switch (r) {
    case EnergyScreenReason::kNotInstalled:
      return "none";
    case EnergyScreenReason::kOpenDay:
      return "open (day)";
    case EnergyScreenReason::kOpenNight:
      return "open (night, mild)";
    case EnergyScreenReason::kClosedNightCold:
      return "closed (night, cold outside)";
    case EnergyScreenReason::kClosedDayColdDark:
      return "closed (day, cold and dark)";
  }
  return "";
}

const char* lamp_reason(LampReason r) {
  switch (r) {
    case LampReason::kNotInstalled:
      return "none";
    case LampReason::kOutsideWindow:
      return "outside the lamp window";
    case LampReason::kTariffBlock:
      return "tariff block";
    case LampReason::kMaxHours:
      return "maximum hours reached";
    case LampReason::kLightSumReached:
      return "light sum reached";
    case LampReason::kRadSumLimit:
      return "sunny day (radiation-sum limit)";
    case LampReason::kHot:
      return "too hot";
    case LampReason::kBright:
      return "bright sun";
    case LampReason::kOn:
      return "in the window, dull enough";
    case LampReason::kMinOnHold:
      return "held on (minimum on time)";
    case LampReason::kMinOffHold:
      return "held off (minimum off time)";
  }
  return "";
}

const char* co2_reason(Co2Reason r) {
  switch (r) {
    case Co2Reason::kNotInstalled:
      return "none";
    case Co2Reason::kDark:
      return "dark";
    case Co2Reason::kNoSensor:
      return "no CO2 reading";
    case Co2Reason::kAtSetpoint:
      return "at set-point";
    case Co2Reason::kDosing:
      return "dosing";
    case Co2Reason::kQuotaReached:
      return "daily quota";
  }
  return "";
}

const char* irrigation_reason(IrrigationReason r) {
  switch (r) {
    case IrrigationReason::kNotInstalled:
      return "none";
    case IrrigationReason::kOutsideWindow:
      return "outside the window";
    case IrrigationReason::kWaiting:
      return "waiting";
    case IrrigationReason::kFirstStart:
      return "first start";
    case IrrigationReason::kRadiationSum:
      return "radiation sum";
    case IrrigationReason::kMaxInterval:
      return "maximum interval";
    case IrrigationReason::kMinIntervalHold:
      return "held (minimum interval)";
  }
  return "";
}

const char* sensor_status(SensorStatus s) {
  switch (s) {
    case SensorStatus::kOk:
      return "ok";
    case SensorStatus::kNotInstalled:
      return "not installed";
    case SensorStatus::kMissing:
      return "missing";
    case SensorStatus::kOutOfRange:
      return "out of range";
    case SensorStatus::kStale:
      return "stale";
  }
  return "";
}

}  // namespace

std::vector<std::string> safe_state_names(std::uint32_t bits) {
  return names_of(bits, {{kSafeHeatingFrost, "heating frost-safe"},
                         {kSafeVentsByOutdoor, "vents by outdoor temperature"},
                         {kSafeVentsFixed, "vents at the fixed safe opening"},
                         {kSafeCo2Off, "CO2 dosing off"},
                         {kSafeFogOff, "fogging off"},
                         {kSafePadFanByOutdoor, "pad-and-fan by outdoor temperature"},
                         {kSafeHumidityRulesOff, "humidity rules off"},
                         {kSafeWindUnknown, "wind unknown: vents capped"},
                         {kSafeRainAssumed, "rain assumed: windward closed"},
                         {kSafeColdUnknown, "outdoor temperature unknown: vents capped"},
                         {kSafeVentTakeover, "failed vent side: other side takes over"},
                         {kSafeRadiationUnknown, "radiation unknown"}});
}

std::vector<std::string> interlock_names(std::uint32_t bits) {
  return names_of(bits, {{kInterlockCo2VentsOpen, "no CO2 with vents open"},
                         {kInterlockFogCold, "no fogging: cold"},
                         {kInterlockFogHumid, "no fogging: humid"},
                         {kInterlockFogNoSensor, "no fogging: no T/RH reading"},
                         {kRateLimitedVent, "vent travel limited"},
                         {kRateLimitedScreen, "screen travel limited"},
                         {kRateLimitedPipe, "pipe set-point rate limited"}});
}

std::vector<std::string> vent_limit_names(std::uint32_t bits) {
  return names_of(bits, {{kVentCold, "cold"},
                         {kVentWindLee, "wind (lee)"},
                         {kVentWindWindward, "wind (windward)"},
                         {kVentStorm, "storm"},
                         {kVentRain, "rain"},
                         {kVentPadFan, "pad-and-fan"},
                         {kVentHumidity, "humidity venting"},
                         {kVentLeeTakeover, "lee takes over"},
                         {kVentWindTakeover, "windward takes over"},
                         {kVentNoAirSensor, "by outdoor temperature"},
                         {kVentWindUnknown, "wind unknown"},
                         {kVentRainAssumed, "rain assumed"},
                         {kVentColdUnknown, "outdoor temperature unknown"}});
}

std::string explain(const ControllerSettings& s, const StepResult& r, const ControllerState& state,
                    int utc_offset_min) {
  const Explanation& e = r.explanation;
  const Commands& c = r.commands;
  std::string out;
  const auto line = [&](const std::string& text) {
    out += text;
    out += '\n';
  };
  const std::string band_name =
      e.band_index < s.bands.size() ? s.bands[e.band_index].name : std::string("?");
  line(fmt::format("band {} '{}' (ramp {:.0f} %); sun {}–{} local, {}", e.band_index, band_name,
                   100.0 * e.band_ramp_frac, local_clock(e.sun.sunrise_ms, utc_offset_min),
                   local_clock(e.sun.sunset_ms, utc_offset_min), e.sun_up ? "day" : "night"));
  std::string sp_text;
  for (std::size_t i = 0; i < kSetpointCount; ++i) {
    const SetpointInfo& info = setpoint_info(static_cast<SetpointId>(i));
    sp_text +=
        fmt::format("{}{} {:g} {}{}", sp_text.empty() ? "" : ", ", info.key, e.setpoints.values[i],
                    info.unit, (e.overrides_active & (1u << i)) != 0 ? " (override)" : "");
  }
  line("set-points: " + sp_text);
  const DerivedValues& d = e.derived;
  line(fmt::format(
      "derived: VPD {:.2f} kPa, HD {:.1f} g/m³, dew point {:.1f} °C, AH {:.1f} g/m³, "
      "radiation sum {:.0f} J/cm², DLI {:.1f} mol/m²",
      d.vpd_kpa, d.hd_g_m3, d.dew_point_c, d.ah_g_m3, d.radiation_sum_j_cm2, d.dli_mol_m2));
  if (s.heating.installed) {
    const HeatingOutput& h = e.heating;
    line(
        fmt::format("heating: target {:.1f} °C (+{:.1f} light, +{:.1f} humidity), min pipe "
                    "{:.1f} °C, lamp-off preheat {:.1f} °C, demand {:.2f} → pipe {:.1f} °C, "
                    "boiler {:.2f}",
                    h.t_heat_target_c, h.radiation_raise_c, h.humidity_raise_c, h.t_pipe_min_eff_c,
                    h.t_pipe_min_preheat_c, h.demand_frac, c.t_pipe_setpoint_c, c.heating_frac));
  }
  if (s.ventilation.installed) {
    const VentilationOutput& v = e.ventilation;
    line(fmt::format(
        "ventilation: vent temperature {:.1f} °C, excess {:+.1f} °C → lee {:.2f} "
        "(temperature {:.2f}, humidity {:.2f}, cap {:.2f}), windward {:.2f} "
        "(temperature {:.2f}, cap {:.2f}){}",
        e.t_vent_c, v.excess_c, c.vent_lee_open_frac, v.lee_temperature_frac, v.humidity_frac,
        v.lee_cap_frac, c.vent_wind_open_frac, v.wind_temperature_frac, v.wind_cap_frac,
        v.limits != 0 ? " [" + joined(vent_limit_names(v.limits)) + "]" : ""));
  }
  if (s.screens.energy.installed || s.screens.shade.installed || s.screens.blackout.installed) {
    line(fmt::format(
        "screens: energy {:.2f} {} (gap {:.2f}{}), shade {:.2f} (level {}{}), "
        "blackout {:.2f}",
        c.screen_energy_closed_frac, energy_reason(e.screens.energy_reason),
        e.screens.energy_gap_frac, e.screens.energy_stepping ? ", opening in steps" : "",
        c.screen_shade_closed_frac, e.screens.shade_level, e.screens.shade_hot ? ", hot" : "",
        c.screen_blackout_closed_frac));
  }
  if (s.co2.installed) {
    line(
        fmt::format("CO2: set-point {:.0f} ppm after vents, {} → {:.2f} = {:.0f} kg/ha/h "
                    "(dosed today {:.0f} kg/ha)",
                    e.co2.setpoint_eff_ppm, co2_reason(e.co2.reason), c.co2_dosing_frac,
                    c.co2_dosing_kg_ha_h, e.co2.dosed_today_kg_ha));
  }
  if (s.lamps.installed) {
    line(
        fmt::format("lamps: {} ({}), light sum {:.1f} mol/m², {:.1f} h on, day's radiation "
                    "sum {:.1f} MJ/m² expected",
                    c.lamps_on ? "on" : "off", lamp_reason(e.lamps.reason),
                    e.lamps.light_sum_mol_m2, e.lamps.on_h, e.lamps.expected_rad_sum_mj_m2));
  }
  if (s.cooling.fog.installed || s.cooling.pad.installed) {
    line(
        fmt::format("cooling: fogging {:.2f} (VPD {:.2f}, temperature {:.2f}), pad-and-fan stage "
                    "{}{}",
                    c.fogging_frac, e.cooling.fog_vpd_frac, e.cooling.fog_temperature_frac,
                    c.pad_fan_stage, e.cooling.pad_held ? " (held)" : ""));
  }
  if (s.irrigation.installed) {
    line(fmt::format("irrigation: {} ({}), sum {:.0f} J/cm², {} starts today",
                     c.irrigation_start ? fmt::format("start {:.2f} L/m²", c.irrigation_dose_l_m2)
                                        : std::string("no start"),
                     irrigation_reason(e.irrigation.reason), e.irrigation.sum_j_cm2,
                     e.irrigation.starts_today));
  }
  std::string faults;
  for (std::size_t i = 0; i < kSensorCount; ++i) {
    if (e.sensors.failed(static_cast<SensorId>(i))) {
      faults +=
          fmt::format("{}{} {}", faults.empty() ? "" : ", ", sensor_key(static_cast<SensorId>(i)),
                      sensor_status(e.sensors.status[i]));
    }
  }
  if (!faults.empty()) {
    line("sensors: " + faults);
  }
  if (e.safe_states != 0) {
    line("safe states: " + joined(safe_state_names(e.safe_states)));
  }
  if (e.interlocks != 0) {
    line("interlocks: " + joined(interlock_names(e.interlocks)));
  }
  if (e.manual_active != 0) {
    std::string manual;
    for (std::size_t i = 0; i < kActuatorCount; ++i) {
      if ((e.manual_active & (1u << i)) != 0) {
        manual += fmt::format("{}{}", manual.empty() ? "" : ", ",
                              actuator_key(static_cast<ActuatorId>(i)));
      }
    }
    line("manual: " + manual);
  }
  for (std::size_t i = 0; i < kAlarmCount; ++i) {
    if (r.active_alarms[i]) {
      const AlarmId id = alarm_id_at(i);
      line(fmt::format("alarm (priority {}{}): {}", alarm_priority(s.alarms, id),
                       state.alarms[i].acknowledged ? ", acknowledged" : "",
                       alarm_message(id, state.alarms[i])));
    }
  }
  return out;
}

}  // namespace egin::control

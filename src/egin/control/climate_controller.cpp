#include "egin/control/climate_controller.hpp"

#include <algorithm>
#include <cmath>

namespace egin::control {
namespace {

std::optional<double> present_or(const SensorView& v, SensorId id, double absent_value) {
  return v.installed(id) ? v.get(id) : std::optional<double>(absent_value);
}

bool in_any_block(const std::vector<TariffBlock>& blocks, const SiteInfo& site, TimeMs now_ms) {
  return std::any_of(blocks.begin(), blocks.end(), [&](const TariffBlock& b) {
    return window_opened_at(b.start, b.end, site, now_ms).has_value();
  });
}

/// The manual value of every actuator in manual mode replaces the rule's command.
std::uint32_t apply_manual(const ControllerSettings& s, const std::optional<double>& t_air,
                           const std::optional<double>& t_out, const std::optional<double>& t_pipe,
                           TimeMs now_ms, ControllerState& state, Commands& c) {
  std::uint32_t mask = 0;
  OperatorState& modes = state.operator_modes;
  for (std::size_t i = 0; i < kActuatorCount; ++i) {
    const ManualMode& m = modes.manual[i];
    if (!m.active) {
      continue;
    }
    mask |= 1u << i;
    const double v = m.value;
    switch (static_cast<ActuatorId>(i)) {
      case ActuatorId::kHeating:
        c.t_pipe_setpoint_c = v;
        c.heating_frac = heating_frac_for_pipe(s.heating, v, t_air, t_pipe,
                                               t_air.value_or(t_out.value_or(15.0)));
        break;
      case ActuatorId::kVentLee:
        c.vent_lee_open_frac = v;
        break;
      case ActuatorId::kVentWind:
        c.vent_wind_open_frac = v;
        break;
      case ActuatorId::kScreenEnergy:
        c.screen_energy_closed_frac = v;
        break;
      case ActuatorId::kScreenShade:
        c.screen_shade_closed_frac = v;
        break;
      case ActuatorId::kScreenBlackout:
        c.screen_blackout_closed_frac = v;
        break;
      case ActuatorId::kCo2:
        c.co2_dosing_frac = v;
        c.co2_dosing_kg_ha_h = v * s.co2.capacity_kg_ha_h;
        break;
      case ActuatorId::kLamps:
        c.lamps_on = v >= 0.5;
        break;
      case ActuatorId::kFogging:
        c.fogging_frac = v;
        break;
      case ActuatorId::kPadFan:
        c.pad_fan_stage = std::min(static_cast<int>(std::lround(v)),
                                   static_cast<int>(s.cooling.pad.stage_excess_c.size()));
        state.cooling.pad_stage = c.pad_fan_stage;
        break;
      case ActuatorId::kIrrigation:
        c.irrigation_start = v > 0.0;
        c.irrigation_dose_l_m2 = v;
        irrigation_record_start(state.irrigation, now_ms);
        clear_manual(modes, ActuatorId::kIrrigation);  // one start, then back to the rule
        break;
    }
  }
  return mask;
}

/// Commands of equipment the greenhouse does not have stay at rest.
void zero_absent(const ControllerSettings& s, Commands& c) {
  if (!s.heating.installed) {
    c.t_pipe_setpoint_c = 0.0;
    c.heating_frac = 0.0;
  }
  if (!s.ventilation.installed) {
    c.vent_lee_open_frac = 0.0;
    c.vent_wind_open_frac = 0.0;
  }
  if (!s.screens.energy.installed) {
    c.screen_energy_closed_frac = 0.0;
  }
  if (!s.screens.shade.installed) {
    c.screen_shade_closed_frac = 0.0;
  }
  if (!s.screens.blackout.installed) {
    c.screen_blackout_closed_frac = 0.0;
  }
  if (!s.co2.installed) {
    c.co2_dosing_frac = 0.0;
    c.co2_dosing_kg_ha_h = 0.0;
  }
  if (!s.lamps.installed) {
    c.lamps_on = false;
  }
  if (!s.cooling.fog.installed) {
    c.fogging_frac = 0.0;
  }
  if (!s.cooling.pad.installed) {
    c.pad_fan_stage = 0;
  }
  if (!s.irrigation.installed) {
    c.irrigation_start = false;
    c.irrigation_dose_l_m2 = 0.0;
  }
}

}  // namespace

StepResult step(const ControllerSettings& s, const StepInput& input, ControllerState& state) {
  StepResult result;
  Explanation& ex = result.explanation;
  const TimeMs now = input.now_ms;
  const SiteInfo& site = input.site;
  const int offset_min = site.utc_offset_min;
  double dt_s = 0.0;
  if (state.started && now > state.last_step_ms) {
    dt_s = std::min(static_cast<double>(now - state.last_step_ms) / 1000.0, kMaxStepDtS);
  }
  ex.now_ms = now;
  ex.dt_s = dt_s;
  const Date today = local_date(now, offset_min);
  const SunTimes sun = sun_times(site, today);
  ex.sun = sun;
  ex.sun_up = now >= sun.sunrise_ms && now < sun.sunset_ms;
  const TimeMs last_sunrise =
      now >= sun.sunrise_ms ? sun.sunrise_ms : sun_times(site, today - 1).sunrise_ms;

  // Sensors. A greenhouse without a wind or rain sensor is taken as calm and dry.
  ex.sensors = check_sensors(s.sensors, input.measurements, now);
  const SensorView& v = ex.sensors;
  const auto t_air = v.get(SensorId::kTAir);
  const auto rh = v.get(SensorId::kRhAir);
  const auto co2 = v.get(SensorId::kCo2Air);
  const auto t_out = v.get(SensorId::kTOut);
  const auto rh_out = v.get(SensorId::kRhOut);
  const auto iglob = v.get(SensorId::kIglob);
  const auto t_pipe = v.get(SensorId::kTPipe);
  const auto par = v.get(SensorId::kParAir);
  const auto wind = present_or(v, SensorId::kWind, 0.0);
  const auto rain = present_or(v, SensorId::kRain, 0.0);
  const auto fb_lee = v.get(SensorId::kVentLeeFeedback);
  const auto fb_wind = v.get(SensorId::kVentWindFeedback);

  // Operator modes, set-points.
  ex.expired = expire_operator_modes(state.operator_modes, now);
  const BandsResult bands = evaluate_bands(s.bands, site, now);
  ex.band_index = bands.band_index;
  ex.band_ramp_frac = bands.ramp_frac;
  ex.band_setpoints = bands.setpoints;
  Setpoints sp = bands.setpoints;
  apply_calendar(s.calendar, today.day_of_year() + local_minute_of_day(now, offset_min) / 1440.0,
                 sp);
  for (std::size_t i = 0; i < kSetpointCount; ++i) {
    const SetpointInfo& info = setpoint_info(static_cast<SetpointId>(i));
    sp.values[i] = std::clamp(sp.values[i], info.min, info.max);
    if (state.operator_modes.overrides[i].active) {
      ex.overrides_active |= 1u << i;
    }
  }
  apply_overrides(state.operator_modes, sp);
  ex.setpoints = sp;

  // Derived variables.
  DerivedInputs din;
  din.dt_s = dt_s;
  din.last_sunrise_ms = last_sunrise;
  din.local_day_days = today.days_since_epoch();
  din.t_air_c = t_air;
  din.rh_air_pct = rh;
  din.iglob_w_m2 = iglob;
  din.par_air_umol_m2_s = par;
  din.lamp_ppfd_umol_m2_s =
      s.lamps.installed && state.last_commands.lamps_on ? s.lamps.ppfd_umol_m2_s : 0.0;
  ex.derived = update_derived(s.light, din, state.derived);
  const bool humid_known = t_air && rh;
  const auto hd = humid_known ? std::optional<double>(ex.derived.hd_g_m3) : std::nullopt;
  const auto vpd = humid_known ? std::optional<double>(ex.derived.vpd_kpa) : std::nullopt;

  // Heating; the ventilation temperature rests on its base temperature.
  HeatingInputs hin;
  hin.t_heat_c = sp[SetpointId::kTHeatC];
  hin.rh_max_pct = sp[SetpointId::kRhMaxPct];
  hin.t_pipe_min_c = sp[SetpointId::kTPipeMinC];
  hin.t_air_c = t_air;
  hin.rh_air_pct = rh;
  hin.iglob_w_m2 = iglob;
  hin.t_pipe_c = t_pipe;
  hin.unlit_dark = !ex.sun_up && !(s.lamps.installed && state.last_commands.lamps_on);
  if (s.heating.installed && s.lamps.installed && s.heating.lamp_off.pipe_excess_c > 0.0) {
    LampOffPreheatInputs pin;
    pin.lamps_on = state.last_commands.lamps_on;
    pin.sun_up = ex.sun_up;
    if (pin.lamps_on) {
      // The scheduled switch-off: the window's end or the day's last lamp hour (the hours burnt
      // count the interval just passed), the sooner.
      double to_off_s = std::max(0.0, s.lamps.max_on_h * 3600.0 - state.lamps.on_s - dt_s);
      if (const auto close =
              window_closes_at(s.lamps.window_start, s.lamps.window_end, site, now)) {
        to_off_s = std::min(to_off_s, static_cast<double>(*close - now) / 1000.0);
      }
      pin.to_off_s = to_off_s;
    } else if (state.started && state.lamps.last_switch_ms > 0) {
      pin.since_off_s = static_cast<double>(now - state.lamps.last_switch_ms) / 1000.0;
    }
    hin.lamp_off_preheat_frac = lamp_off_preheat_frac(s.heating.lamp_off, pin);
  }
  ex.heating = s.heating.installed ? heating_step(s.heating, hin, dt_s, state.heating_pi)
                                   : heating_setpoints(s.heating, hin);
  ex.t_vent_c = ex.heating.t_heat_base_c + sp[SetpointId::kVentDeadZoneC];

  // Lamps (the blackout screen and CO2 follow them).
  LampInputs lin;
  lin.now_ms = now;
  lin.dt_s = dt_s;
  lin.window_opened_ms = window_opened_at(s.lamps.window_start, s.lamps.window_end, site, now);
  lin.in_tariff_block = in_any_block(s.lamps.tariff_blocks, site, now);
  lin.iglob_w_m2 = iglob;
  lin.par_air_umol_m2_s = par;
  lin.t_air_c = t_air;
  lin.t_vent_c = ex.t_vent_c;
  lin.light = s.light;
  lin.forecast_rad_sum_mj_m2 = input.forecast_rad_sum_mj_m2;
  ex.lamps = lamps_step(s.lamps, lin, state.lamps);

  // Cooling; without an air temperature the pads follow the outdoor temperature.
  CoolingInputs cin;
  cin.now_ms = now;
  cin.t_vent_c = ex.t_vent_c;
  cin.t_air_c = t_air;
  cin.vpd_kpa = vpd;
  cin.rh_out_pct = rh_out;
  ex.cooling = cooling_step(s.cooling, cin, state.cooling);
  if (s.cooling.pad.installed && !t_air) {
    ex.cooling.pad_fan_stage =
        safe_pad_fan_stage(s.safety, t_out, static_cast<int>(s.cooling.pad.stage_excess_c.size()));
    state.cooling.pad_stage = ex.cooling.pad_fan_stage;
  }

  // Ventilation.
  const bool lee_failed = state.alarms[alarm_index(feedback_alarm(FeedbackId::kVentLee))].active;
  const bool wind_failed = state.alarms[alarm_index(feedback_alarm(FeedbackId::kVentWind))].active;
  bool vents_fixed = false;
  if (s.ventilation.installed) {
    VentilationInputs vin;
    vin.now_ms = now;
    vin.t_vent_c = ex.t_vent_c;
    vin.t_heat_c = ex.heating.t_heat_base_c;
    vin.rh_max_pct = sp[SetpointId::kRhMaxPct];
    vin.hd_min_g_m3 = sp[SetpointId::kHdMinGM3];
    vin.t_air_c = t_air;
    vin.rh_air_pct = rh;
    vin.hd_g_m3 = hd;
    vin.t_out_c = t_out;
    vin.wind_m_s = wind;
    vin.rain_mm_h = rain;
    if (!t_air) {
      vin.safe_demand_frac = safe_vent_demand(s.safety, t_out, vents_fixed);
    }
    vin.max_without_wind_frac = s.safety.vent_max_without_wind_frac;
    vin.max_without_t_out_frac = s.safety.vent_max_without_t_out_frac;
    vin.pad_fan_running = ex.cooling.pad_fan_stage > 0 && s.cooling.pad.close_vents;
    vin.lee_failed = lee_failed;
    vin.wind_failed = wind_failed;
    ex.ventilation = ventilation_step(s.ventilation, vin, state.ventilation);
  }

  // Screens.
  ScreenInputs scr_in;
  scr_in.now_ms = now;
  scr_in.sun_up = ex.sun_up;
  scr_in.t_vent_c = ex.t_vent_c;
  scr_in.t_heat_c = ex.heating.t_heat_base_c;
  scr_in.rh_max_pct = sp[SetpointId::kRhMaxPct];
  scr_in.t_air_c = t_air;
  scr_in.rh_air_pct = rh;
  scr_in.t_out_c = t_out;
  scr_in.iglob_w_m2 = iglob;
  scr_in.lamps_on = ex.lamps.lamps_on;
  scr_in.in_blackout_window =
      s.screens.blackout.has_window &&
      window_opened_at(s.screens.blackout.window_start, s.screens.blackout.window_end, site, now)
          .has_value();
  ex.screens = screens_step(s.screens, scr_in, state.screens);

  // CO2: first count what the last command dosed.
  co2_account(state.co2, today, state.last_commands.co2_dosing_kg_ha_h, dt_s);
  Co2Inputs qin;
  qin.setpoint_ppm = sp[SetpointId::kCo2Ppm];
  qin.co2_air_ppm = co2;
  qin.vent_open_frac =
      std::max({ex.ventilation.vent_lee_open_frac, ex.ventilation.vent_wind_open_frac,
                fb_lee.value_or(0.0), fb_wind.value_or(0.0)});
  qin.in_light = (ex.sun_up && (!iglob || *iglob >= s.co2.min_iglob_w_m2)) || ex.lamps.lamps_on;
  qin.nominal_step_s = s.step_s;
  ex.co2 = co2_step(s.co2, qin, state.co2);

  // Irrigation.
  IrrigationInputs iin;
  iin.now_ms = now;
  iin.dt_s = dt_s;
  iin.first_start_ms = resolve(s.irrigation.first_start, today, offset_min, sun);
  iin.last_start_ms = resolve(s.irrigation.last_start, today, offset_min, sun);
  iin.iglob_w_m2 = iglob;
  ex.irrigation = irrigation_step(s.irrigation, iin, state.irrigation);

  // The rules' commands, with the safe states of lost sensors.
  Commands& c = result.commands;
  std::uint32_t safe = 0;
  if (s.heating.installed) {
    if (ex.heating.air_known) {
      c.t_pipe_setpoint_c = ex.heating.t_pipe_setpoint_c;
      c.heating_frac = ex.heating.heating_frac;
    } else {
      const FrostHeating frost = frost_heating(s.safety, s.heating, t_pipe);
      c.t_pipe_setpoint_c = frost.t_pipe_setpoint_c;
      c.heating_frac = frost.heating_frac;
      safe |= kSafeHeatingFrost;
    }
  }
  c.vent_lee_open_frac = ex.ventilation.vent_lee_open_frac;
  c.vent_wind_open_frac = ex.ventilation.vent_wind_open_frac;
  c.screen_energy_closed_frac = ex.screens.screen_energy_closed_frac;
  c.screen_shade_closed_frac = ex.screens.screen_shade_closed_frac;
  c.screen_blackout_closed_frac = ex.screens.screen_blackout_closed_frac;
  c.co2_dosing_frac = ex.co2.co2_dosing_frac;
  c.co2_dosing_kg_ha_h = ex.co2.co2_dosing_kg_ha_h;
  c.lamps_on = ex.lamps.lamps_on;
  c.fogging_frac = ex.cooling.fogging_frac;
  c.pad_fan_stage = ex.cooling.pad_fan_stage;
  c.irrigation_start = ex.irrigation.irrigation_start;
  c.irrigation_dose_l_m2 = ex.irrigation.irrigation_dose_l_m2;

  if (v.failed(SensorId::kTAir)) {
    if (s.ventilation.installed) {
      safe |= kSafeVentsByOutdoor | (vents_fixed ? kSafeVentsFixed : 0u);
    }
    if (s.cooling.fog.installed) {
      safe |= kSafeFogOff;
    }
    if (s.cooling.pad.installed) {
      safe |= kSafePadFanByOutdoor;
    }
  }
  if (v.failed(SensorId::kRhAir)) {
    safe |= kSafeHumidityRulesOff | (s.cooling.fog.installed ? kSafeFogOff : 0u);
  }
  if (v.failed(SensorId::kCo2Air) && s.co2.installed) {
    safe |= kSafeCo2Off;
  }
  if (v.failed(SensorId::kWind) && s.ventilation.installed) {
    safe |= kSafeWindUnknown;
  }
  if (v.failed(SensorId::kRain) && s.ventilation.installed) {
    safe |= kSafeRainAssumed;
  }
  if (v.failed(SensorId::kTOut)) {
    safe |= kSafeColdUnknown;
  }
  if (v.failed(SensorId::kIglob)) {
    safe |= kSafeRadiationUnknown;
  }
  if ((lee_failed || wind_failed) && s.ventilation.installed) {
    safe |= kSafeVentTakeover;
  }
  ex.safe_states = safe;

  // Manual modes, then the interlocks and travel limits that hold for them too.
  ex.manual_active = apply_manual(s, t_air, t_out, t_pipe, now, state, c);
  zero_absent(s, c);
  const auto stages = static_cast<double>(s.cooling.pad.stage_excess_c.size());
  c.pad_fan_frac = stages > 0.0 ? static_cast<double>(c.pad_fan_stage) / stages : 0.0;
  InterlockInputs lock;
  lock.t_air_c = t_air;
  lock.rh_air_pct = rh;
  lock.vent_lee_feedback_frac = fb_lee;
  lock.vent_wind_feedback_frac = fb_wind;
  lock.previous = state.started ? &state.last_commands : nullptr;
  lock.dt_s = dt_s;
  ex.interlocks = apply_interlocks(s.safety, lock, c);
  if (c.lamps_on != state.lamps.on) {  // the lamps' memory follows what was sent
    state.lamps.on = c.lamps_on;
    state.lamps.last_switch_ms = now;
  }

  // Alarms: feedback is compared with the previous step's commands.
  AlarmInputs ain;
  ain.now_ms = now;
  ain.sensors = &v;
  ain.sensor_settings = &s.sensors;
  ain.measurements = &input.measurements;
  if (state.started) {
    const Commands& p = state.last_commands;
    FeedbackInputs& f = ain.feedback;
    f.installed = {s.ventilation.installed,      s.ventilation.installed,
                   s.screens.energy.installed,   s.screens.shade.installed,
                   s.screens.blackout.installed, s.heating.installed};
    f.command = {p.vent_lee_open_frac,          p.vent_wind_open_frac,
                 p.screen_energy_closed_frac,   p.screen_shade_closed_frac,
                 p.screen_blackout_closed_frac, p.t_pipe_setpoint_c};
    f.heating_frac = p.heating_frac;
  }
  result.alarm_events = update_alarms(s.alarms, ain, state.alarms);
  for (std::size_t i = 0; i < kAlarmCount; ++i) {
    result.active_alarms[i] = state.alarms[i].active;
  }

  state.last_commands = c;
  state.last_step_ms = now;
  state.started = true;
  return result;
}

}  // namespace egin::control

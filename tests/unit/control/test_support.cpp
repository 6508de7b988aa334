#include "test_support.hpp"

#include <stdexcept>

namespace egin::control::test {

TimeMs at(const std::string& iso) {
  const auto t = parse_iso_time_ms(iso);
  if (!t) {
    throw std::invalid_argument("bad time in test: " + iso);
  }
  return *t;
}

Measurements all_good(TimeMs t_ms, double t_air_c, double rh_air_pct, double co2_ppm,
                      double t_out_c, double iglob_w_m2) {
  Measurements m;
  m.t_air_c = good_reading(t_air_c, t_ms);
  m.rh_air_pct = good_reading(rh_air_pct, t_ms);
  m.co2_air_ppm = good_reading(co2_ppm, t_ms);
  m.t_out_c = good_reading(t_out_c, t_ms);
  m.rh_out_pct = good_reading(40.0, t_ms);
  m.iglob_w_m2 = good_reading(iglob_w_m2, t_ms);
  m.wind_m_s = good_reading(2.0, t_ms);
  m.rain_mm_h = good_reading(0.0, t_ms);
  m.t_pipe_c = good_reading(t_air_c, t_ms);
  m.vent_lee_open_frac = good_reading(0.0, t_ms);
  m.vent_wind_open_frac = good_reading(0.0, t_ms);
  m.screen_energy_closed_frac = good_reading(0.0, t_ms);
  m.screen_shade_closed_frac = good_reading(0.0, t_ms);
  m.screen_blackout_closed_frac = good_reading(0.0, t_ms);
  return m;
}

ControllerSettings full_settings() {
  ControllerSettings s;
  s.name = "test";
  s.step_s = 300.0;
  // Two bands: day from sunrise (20 °C, vents at 24 °C), night from sunset (16 °C).
  Band day;
  day.name = "day";
  day.start = {TimeAnchor::kSunrise, 0.0};
  day.ramp_min = 0.0;
  day.setpoints[SetpointId::kTHeatC] = 20.0;
  day.setpoints[SetpointId::kVentDeadZoneC] = 4.0;
  day.setpoints[SetpointId::kRhMaxPct] = 85.0;
  day.setpoints[SetpointId::kHdMinGM3] = 0.0;
  day.setpoints[SetpointId::kCo2Ppm] = 800.0;
  day.setpoints[SetpointId::kTPipeMinC] = 0.0;
  Band night = day;
  night.name = "night";
  night.start = {TimeAnchor::kSunset, 0.0};
  night.setpoints[SetpointId::kTHeatC] = 16.0;
  night.setpoints[SetpointId::kCo2Ppm] = 0.0;
  s.bands = {day, night};
  for (std::size_t i = 0; i < kSensorCount; ++i) {
    s.sensors[i] = {true, -1000.0, 10000.0, 600.0};
  }
  s.sensors[index_of(SensorId::kParAir)].installed = false;
  s.heating.installed = true;
  s.ventilation.installed = true;
  s.screens.energy.installed = true;
  s.screens.shade.installed = true;
  s.screens.shade.levels = {{500.0, 0.5}, {800.0, 1.0}};
  s.screens.blackout.installed = true;
  s.co2.installed = true;
  s.lamps.installed = true;
  s.lamps.window_start = {TimeAnchor::kClock, 0.0};
  s.lamps.window_end = {TimeAnchor::kClock, 18.0 * 60.0};
  s.cooling.fog.installed = true;
  s.cooling.pad.installed = true;
  s.cooling.pad.stage_excess_c = {2.0, 4.0};
  s.irrigation.installed = true;
  s.alarms.t_air_high = {true, 35.0, 1.0, 600.0, 1};
  s.alarms.t_air_low = {true, 8.0, 1.0, 600.0, 1};
  s.alarms.rh_air_high = {true, 95.0, 3.0, 1800.0, 2};
  s.alarms.co2_air_high = {true, 2000.0, 100.0, 600.0, 2};
  s.safety.vent_travel_frac_per_min = 0.0;
  s.safety.screen_travel_frac_per_min = 0.0;
  return s;
}

}  // namespace egin::control::test

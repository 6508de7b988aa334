// Ventilation: the lee and windward P-bands, humidity venting with its crack and hysteresis (RH
// and HD), and every cap — cold outside, cold inside, wind per side, storm with hysteresis and
// hold, rain, pad-and-fan, lost sensors — plus the position dead band and the takeover of a failed
// side. Values worked by hand from the equations in ventilation.hpp.
#include "egin/control/ventilation.hpp"

#include <gtest/gtest.h>

namespace egin::control {
namespace {

VentilationSettings settings() {
  VentilationSettings s;
  s.installed = true;
  s.lee_p_band_c = 2.0;
  s.lee_max_frac = 1.0;
  s.wind_start_c = 1.0;
  s.wind_p_band_c = 3.0;
  s.wind_max_frac = 1.0;
  s.humidity_p_band_pct = 10.0;
  s.humidity_p_band_g_m3 = 1.0;
  s.humidity_crack_frac = 0.05;
  s.humidity_max_frac = 0.3;
  s.humidity_hysteresis_pct = 2.0;
  s.humidity_hysteresis_g_m3 = 0.3;
  s.humidity_windward_frac = 0.0;
  s.air_cold_stop_below_heat_c = 1.0;
  s.air_cold_p_band_c = 1.0;
  s.cold_t_out_c = 0.0;
  s.cold_full_t_out_c = 10.0;
  s.cold_min_frac = 0.05;
  s.lee_wind_start_m_s = 8.0;
  s.lee_wind_end_m_s = 14.0;
  s.lee_wind_end_frac = 0.1;
  s.wind_wind_start_m_s = 5.0;
  s.wind_wind_end_m_s = 10.0;
  s.wind_wind_end_frac = 0.0;
  s.storm_m_s = 15.0;
  s.storm_hysteresis_m_s = 3.0;
  s.storm_hold_min = 15.0;
  s.rain_threshold_mm_h = 0.2;
  s.rain_lee_max_frac = 1.0;
  s.rain_wind_max_frac = 0.0;
  s.min_step_frac = 0.02;
  return s;
}

VentilationInputs inputs(double t_air, double rh = 70.0) {
  VentilationInputs in;
  in.now_ms = 1'000'000'000'000;
  in.t_vent_c = 24.0;
  in.t_heat_c = 20.0;
  in.rh_max_pct = 85.0;
  in.hd_min_g_m3 = 0.0;
  in.t_air_c = t_air;
  in.rh_air_pct = rh;
  in.t_out_c = 20.0;
  in.wind_m_s = 2.0;
  in.rain_mm_h = 0.0;
  return in;
}

VentilationOutput run(const VentilationInputs& in) {
  VentilationState st;
  return ventilation_step(settings(), in, st);
}

TEST(Ventilation, LeeAndWindwardPBands) {
  VentilationOutput v = run(inputs(25.0));  // excess 1 °C
  EXPECT_NEAR(v.excess_c, 1.0, 1e-12);
  EXPECT_NEAR(v.vent_lee_open_frac, 0.5, 1e-12);
  EXPECT_EQ(v.vent_wind_open_frac, 0.0);
  v = run(inputs(26.5));  // excess 2.5: lee full, windward (2.5 − 1)/3
  EXPECT_EQ(v.vent_lee_open_frac, 1.0);
  EXPECT_NEAR(v.vent_wind_open_frac, 0.5, 1e-12);
  EXPECT_EQ(run(inputs(23.0)).vent_lee_open_frac, 0.0);
}

TEST(Ventilation, HumidityVentingWithCrackAndHysteresis) {
  VentilationState st;
  const VentilationSettings s = settings();
  // 90 % RH: on; demand (90 − 85)/10 = 0.5 → 0.05 + 0.25 × 0.5 = 0.175.
  VentilationOutput v = ventilation_step(s, inputs(22.0, 90.0), st);
  EXPECT_TRUE(st.humidity_on);
  EXPECT_NEAR(v.vent_lee_open_frac, 0.175, 1e-12);
  EXPECT_EQ(v.vent_wind_open_frac, 0.0);
  EXPECT_NE(v.limits & kVentHumidity, 0u);
  // 84 %: below the limit but above 85 − 2: still on, at the crack.
  v = ventilation_step(s, inputs(22.0, 84.0), st);
  EXPECT_TRUE(st.humidity_on);
  EXPECT_NEAR(v.vent_lee_open_frac, 0.05, 1e-12);
  // 83 %: off, vents shut.
  v = ventilation_step(s, inputs(22.0, 83.0), st);
  EXPECT_FALSE(st.humidity_on);
  EXPECT_EQ(v.vent_lee_open_frac, 0.0);
  // Humidity deficit below 3 g/m³ (RH itself fine): (3 − 2.5)/1 = 0.5 → 0.175.
  VentilationInputs hd = inputs(22.0, 70.0);
  hd.hd_min_g_m3 = 3.0;
  hd.hd_g_m3 = 2.5;
  EXPECT_NEAR(run(hd).vent_lee_open_frac, 0.175, 1e-12);
  // The windward side gets its share when asked.
  VentilationSettings both = s;
  both.humidity_windward_frac = 1.0;
  VentilationState st2;
  EXPECT_NEAR(ventilation_step(both, inputs(22.0, 90.0), st2).vent_wind_open_frac, 0.175, 1e-12);
}

TEST(Ventilation, ColdOutsideAndColdInsideCaps) {
  VentilationInputs in = inputs(26.5);
  in.t_out_c = 2.5;  // 0.05 + 0.95 × 0.25
  VentilationOutput v = run(in);
  EXPECT_NEAR(v.vent_lee_open_frac, 0.2875, 1e-12);
  EXPECT_NEAR(v.vent_wind_open_frac, 0.2875, 1e-12);
  EXPECT_NE(v.limits & kVentCold, 0u);
  in.t_out_c = -10.0;
  EXPECT_NEAR(run(in).vent_lee_open_frac, 0.05, 1e-12);
  // House at 18.5 °C, heating 20: cap ramp(18.5; 18, 19) = 0.5; humidity wants 0.3 → 0.3.
  VentilationInputs cold_house = inputs(18.5, 95.0);
  EXPECT_NEAR(run(cold_house).vent_lee_open_frac, 0.3, 1e-12);
  EXPECT_NEAR(run(cold_house).lee_cap_frac, 0.5, 1e-12);
  cold_house.t_air_c = 18.0;  // cap 0: even the crack closes
  EXPECT_EQ(run(cold_house).vent_lee_open_frac, 0.0);
  EXPECT_NE(run(cold_house).limits & kVentColdAir, 0u);
}

TEST(Ventilation, WindCapsEachSide) {
  VentilationInputs in = inputs(26.5);
  in.wind_m_s = 11.0;  // lee: 1 → 0.1 over 8–14: 0.55; windward: past 10 m/s → 0
  const VentilationOutput v = run(in);
  EXPECT_NEAR(v.vent_lee_open_frac, 0.55, 1e-12);
  EXPECT_EQ(v.vent_wind_open_frac, 0.0);
  EXPECT_NE(v.limits & kVentWindLee, 0u);
  EXPECT_NE(v.limits & kVentWindWindward, 0u);
  in.wind_m_s = 7.5;  // windward: 1 − (7.5 − 5)/5 = 0.5 → min(0.5, 0.5)
  EXPECT_NEAR(run(in).wind_cap_frac, 0.5, 1e-12);
}

TEST(Ventilation, StormShutsBothWithHysteresisAndHold) {
  VentilationState st;
  const VentilationSettings s = settings();
  VentilationInputs in = inputs(26.5);
  in.wind_m_s = 16.0;
  EXPECT_EQ(ventilation_step(s, in, st).vent_lee_open_frac, 0.0);
  EXPECT_TRUE(st.storm_on);
  in.wind_m_s = 13.0;  // above 15 − 3: storm holds
  in.now_ms += 5 * kMsPerMinute;
  EXPECT_EQ(ventilation_step(s, in, st).vent_lee_open_frac, 0.0);
  EXPECT_TRUE(st.storm_on);
  in.wind_m_s = 12.0;  // storm over, but vents stay shut 15 min after its last moment
  in.now_ms += 5 * kMsPerMinute;
  const VentilationOutput held = ventilation_step(s, in, st);
  EXPECT_FALSE(st.storm_on);
  EXPECT_EQ(held.vent_lee_open_frac, 0.0);
  EXPECT_NE(held.limits & kVentStorm, 0u);
  in.now_ms += 14 * kMsPerMinute;  // the hold ran 15 min from the last stormy step, 19 min ago
  const VentilationOutput free = ventilation_step(s, in, st);
  EXPECT_EQ(free.limits & kVentStorm, 0u);
  EXPECT_NEAR(free.vent_lee_open_frac, 0.4, 1e-12);  // wind 12: 1 − 0.9 × 4/6
}

TEST(Ventilation, RainPadFanAndLostSensors) {
  VentilationInputs in = inputs(26.5);
  in.rain_mm_h = 1.0;
  VentilationOutput v = run(in);
  EXPECT_EQ(v.vent_lee_open_frac, 1.0);
  EXPECT_EQ(v.vent_wind_open_frac, 0.0);
  EXPECT_NE(v.limits & kVentRain, 0u);
  in.rain_mm_h.reset();  // lost rain sensor: treated as raining
  v = run(in);
  EXPECT_EQ(v.vent_wind_open_frac, 0.0);
  EXPECT_NE(v.limits & kVentRainAssumed, 0u);
  in = inputs(26.5);
  in.pad_fan_running = true;
  EXPECT_EQ(run(in).vent_lee_open_frac, 0.0);
  in = inputs(26.5);
  in.wind_m_s.reset();
  in.max_without_wind_frac = 0.3;
  EXPECT_NEAR(run(in).vent_lee_open_frac, 0.3, 1e-12);
  in = inputs(26.5);
  in.t_out_c.reset();
  in.max_without_t_out_frac = 0.2;
  EXPECT_NEAR(run(in).vent_wind_open_frac, 0.2, 1e-12);
  // Lost air temperature: both sides at the safety layer's demand, then the caps.
  in = inputs(26.5);
  in.t_air_c.reset();
  in.safe_demand_frac = 0.35;
  v = run(in);
  EXPECT_NEAR(v.vent_lee_open_frac, 0.35, 1e-12);
  EXPECT_NEAR(v.vent_wind_open_frac, 0.35, 1e-12);
  EXPECT_NE(v.limits & kVentNoAirSensor, 0u);
}

TEST(Ventilation, DeadBandAndTakeover) {
  VentilationState st;
  const VentilationSettings s = settings();
  EXPECT_NEAR(ventilation_step(s, inputs(25.0), st).vent_lee_open_frac, 0.5, 1e-12);
  // 25.02 °C wants 0.51: less than the 0.02 dead band → stays 0.5; 25.06 → 0.53 is sent.
  EXPECT_NEAR(ventilation_step(s, inputs(25.02), st).vent_lee_open_frac, 0.5, 1e-12);
  EXPECT_NEAR(ventilation_step(s, inputs(25.06), st).vent_lee_open_frac, 0.53, 1e-12);
  // A close is always sent.
  EXPECT_EQ(ventilation_step(s, inputs(23.99), st).vent_lee_open_frac, 0.0);
  // The lee side has failed: windward takes its 0.5.
  VentilationInputs in = inputs(25.0);
  in.lee_failed = true;
  const VentilationOutput v = run(in);
  EXPECT_NEAR(v.vent_wind_open_frac, 0.5, 1e-12);
  EXPECT_NE(v.limits & kVentWindTakeover, 0u);
}

}  // namespace
}  // namespace egin::control

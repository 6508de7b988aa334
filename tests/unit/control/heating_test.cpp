// Heating: the light- and humidity-dependent raises, the minimum pipe temperature and its
// radiation reduction, the pipe set-point from the P-band, and the boiler demand's feed-forward
// with its pipe correction — each against the equation in heating.hpp worked by hand.
#include "egin/control/heating.hpp"

#include <gtest/gtest.h>

namespace egin::control {
namespace {

HeatingSettings settings() {
  HeatingSettings s;
  s.installed = true;
  s.p_band_c = 2.0;
  s.integral_time_s = 0.0;
  s.t_pipe_max_c = 80.0;
  s.pipe_p_band_c = 10.0;
  s.radiation_raise_start_w_m2 = 100.0;
  s.radiation_raise_end_w_m2 = 500.0;
  s.radiation_raise_max_c = 2.0;
  s.humidity_raise_p_band_pct = 5.0;
  s.humidity_raise_max_c = 1.0;
  s.pipe_min_reduction_start_w_m2 = 100.0;
  s.pipe_min_reduction_end_w_m2 = 300.0;
  s.pipe_min_reduction_max_c = 15.0;
  return s;
}

HeatingInputs inputs(double t_air, double rh, double iglob, double t_pipe_min = 0.0) {
  HeatingInputs in;
  in.t_heat_c = 20.0;
  in.rh_max_pct = 85.0;
  in.t_pipe_min_c = t_pipe_min;
  in.t_air_c = t_air;
  in.rh_air_pct = rh;
  in.iglob_w_m2 = iglob;
  return in;
}

TEST(Heating, UnlitDarkOffset) {
  // GreenLight: tSpDay 19.5 while the sun or the lamps light the house, tSpNight 18.5 otherwise
  // (Katzin 2021 ch. 4): one band at 19.5 with an offset of −1 °C.
  HeatingSettings s = settings();
  s.radiation_raise_max_c = 0.0;
  s.unlit_dark_offset_c = -1.0;
  HeatingInputs in = inputs(18.0, 80.0, 0.0);
  in.t_heat_c = 19.5;
  EXPECT_DOUBLE_EQ(heating_setpoints(s, in).t_heat_base_c, 19.5);
  in.unlit_dark = true;
  const HeatingOutput o = heating_setpoints(s, in);
  EXPECT_DOUBLE_EQ(o.t_heat_base_c, 18.5);
  EXPECT_DOUBLE_EQ(o.unlit_dark_offset_c, -1.0);
  // P only, band 2 °C: demand (18.5 − 18)/2 = 0.25.
  PiState pi;
  EXPECT_DOUBLE_EQ(heating_step(s, in, 300.0, pi).demand_frac, 0.25);
}

TEST(Heating, LampOffPreheatFloor) {
  // Floor = max(minimum pipe, T_air + frac · excess, T_air); pipe = floor + demand (80 − floor).
  HeatingSettings s = settings();
  s.lamp_off = {15.0, 30.0, 15.0};
  HeatingInputs in = inputs(22.0, 80.0, 0.0);  // above the 20 °C target: demand 0
  PiState pi;
  HeatingOutput o = heating_step(s, in, 60.0, pi);
  EXPECT_EQ(o.t_pipe_min_preheat_c, 0.0);  // outside the preheat: the pipe may cool to the air
  EXPECT_DOUBLE_EQ(o.t_pipe_setpoint_c, 22.0);
  in.lamp_off_preheat_frac = 0.5;
  o = heating_step(s, in, 60.0, pi);
  EXPECT_DOUBLE_EQ(o.t_pipe_min_preheat_c, 37.0);  // 22 + 0.5 · 30
  EXPECT_DOUBLE_EQ(o.t_pipe_setpoint_c, 37.0);
  // Boiler: (37 − 22)/(80 − 22) + (37 − 30)/10 with the pipe at 30 °C.
  in.t_pipe_c = 30.0;
  EXPECT_DOUBLE_EQ(heating_step(s, in, 60.0, pi).heating_frac, 15.0 / 58.0 + 0.7);
  // With demand the P-band spans the rest: air 19 → demand 0.5, floor 19 + 15 = 34,
  // pipe 34 + 0.5 (80 − 34) = 57; a band minimum above it wins (40 → 40 + 0.5 · 40 = 60).
  in = inputs(19.0, 80.0, 0.0);
  in.lamp_off_preheat_frac = 0.5;
  EXPECT_DOUBLE_EQ(heating_step(s, in, 60.0, pi).t_pipe_setpoint_c, 57.0);
  in.t_pipe_min_c = 40.0;
  EXPECT_DOUBLE_EQ(heating_step(s, in, 60.0, pi).t_pipe_setpoint_c, 60.0);
}

TEST(Heating, RadiationAndHumidityRaise) {
  const HeatingOutput h = heating_setpoints(settings(), inputs(20.0, 87.5, 300.0));
  EXPECT_DOUBLE_EQ(h.radiation_raise_c, 1.0);  // 2 °C × (300 − 100)/(500 − 100)
  EXPECT_DOUBLE_EQ(h.t_heat_base_c, 21.0);
  EXPECT_DOUBLE_EQ(h.humidity_raise_c, 0.5);  // 1 °C × (87.5 − 85)/5
  EXPECT_DOUBLE_EQ(h.t_heat_target_c, 21.5);
  // Without a humidity reading there is no humidity raise; dark gives no light raise.
  HeatingInputs in = inputs(20.0, 87.5, 50.0);
  in.rh_air_pct.reset();
  const HeatingOutput dark = heating_setpoints(settings(), in);
  EXPECT_EQ(dark.t_heat_target_c, 20.0);
}

TEST(Heating, MinimumPipeFallsWithRadiation) {
  EXPECT_DOUBLE_EQ(heating_setpoints(settings(), inputs(18.0, 70.0, 50.0, 40.0)).t_pipe_min_eff_c,
                   40.0);
  EXPECT_DOUBLE_EQ(heating_setpoints(settings(), inputs(18.0, 70.0, 200.0, 40.0)).t_pipe_min_eff_c,
                   32.5);
  EXPECT_DOUBLE_EQ(heating_setpoints(settings(), inputs(18.0, 70.0, 900.0, 40.0)).t_pipe_min_eff_c,
                   25.0);
  EXPECT_EQ(heating_setpoints(settings(), inputs(18.0, 70.0, 0.0, 0.0)).t_pipe_min_eff_c, 0.0);
}

TEST(Heating, PipeSetpointFromThePBand) {
  PiState pi;
  // Target 21.5 (see above), air 20.5: error 1 °C over a 2 °C band → demand 0.5; floor
  // max(25 (min pipe at 300 W/m²), 20.5) = 25 → pipe 25 + 0.5 (80 − 25) = 52.5 °C.
  HeatingInputs in = inputs(20.5, 87.5, 300.0, 40.0);
  in.t_pipe_c = 52.5;
  HeatingOutput h = heating_step(settings(), in, 60.0, pi);
  EXPECT_TRUE(h.air_known);
  EXPECT_DOUBLE_EQ(h.demand_frac, 0.5);
  EXPECT_DOUBLE_EQ(h.t_pipe_setpoint_c, 52.5);
  // Pipe at its set-point: the feed-forward alone, (52.5 − 20.5)/(80 − 20.5).
  EXPECT_DOUBLE_EQ(h.heating_frac, 32.0 / 59.5);
  // Pipe 5 °C low: + 5/10, limited to 1; pipe 7.5 °C high: − 0.75, limited to 0.
  in.t_pipe_c = 47.5;
  EXPECT_EQ(heating_step(settings(), in, 60.0, pi).heating_frac, 1.0);
  in.t_pipe_c = 60.0;
  EXPECT_EQ(heating_step(settings(), in, 60.0, pi).heating_frac, 0.0);
  // Warm house, no minimum pipe: pipe at air temperature, boiler off.
  h = heating_step(settings(), inputs(25.0, 70.0, 50.0), 60.0, pi);
  EXPECT_EQ(h.demand_frac, 0.0);
  EXPECT_EQ(h.t_pipe_setpoint_c, 25.0);
  EXPECT_EQ(h.heating_frac, 0.0);
  // Far too cold: full demand, pipe at its maximum.
  h = heating_step(settings(), inputs(10.0, 70.0, 0.0), 60.0, pi);
  EXPECT_EQ(h.demand_frac, 1.0);
  EXPECT_EQ(h.t_pipe_setpoint_c, 80.0);
}

TEST(Heating, IntegralWaitsWhileTheAirSensorIsLost) {
  HeatingSettings s = settings();
  s.integral_time_s = 600.0;
  PiState pi;
  pi.integral = 0.3;
  HeatingInputs in = inputs(19.0, 70.0, 0.0);
  in.t_air_c.reset();
  const HeatingOutput h = heating_step(s, in, 300.0, pi);
  EXPECT_FALSE(h.air_known);
  EXPECT_EQ(pi.integral, 0.3);
  // With the sensor back (19.8 °C, error 0.2: P = 0.1) the integral grows by
  // e·dt/(Pb·Ti) = 0.2·300/(2·600) = 0.05.
  in.t_air_c = 19.8;
  EXPECT_NEAR(heating_step(s, in, 300.0, pi).demand_frac, 0.45, 1e-12);
  EXPECT_NEAR(pi.integral, 0.35, 1e-12);
}

TEST(Heating, FeedForwardWithoutAirTemperature) {
  // Pipe set-point 50, no air reading, fallback 10 °C: (50 − 10)/(80 − 10), no pipe correction.
  EXPECT_DOUBLE_EQ(heating_frac_for_pipe(settings(), 50.0, std::nullopt, std::nullopt, 10.0),
                   40.0 / 70.0);
  EXPECT_EQ(heating_frac_for_pipe(settings(), 15.0, 20.0, std::nullopt, 10.0), 0.0);
}

}  // namespace
}  // namespace egin::control

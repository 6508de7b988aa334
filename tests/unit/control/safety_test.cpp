// The safety layer: the outdoor-temperature vent rule and its fixed fallback, frost-safe heating,
// the safe pad-and-fan stage, the CO2 and fogging interlocks, and travel-rate limits.
#include "egin/control/safety.hpp"

#include <gtest/gtest.h>

namespace egin::control {
namespace {

SafetySettings settings() {
  SafetySettings s;
  s.frost_t_pipe_c = 45.0;
  s.frost_heating_frac = 0.3;
  s.safe_vent_closed_below_t_out_c = 15.0;
  s.safe_vent_full_above_t_out_c = 30.0;
  s.safe_vent_max_frac = 0.5;
  s.safe_vent_without_t_out_frac = 0.05;
  s.safe_pad_fan_stage = 2;
  s.safe_pad_fan_above_t_out_c = 32.0;
  s.co2_max_vent_open_frac = 0.5;
  s.fog_min_t_air_c = 15.0;
  s.fog_max_rh_pct = 90.0;
  s.vent_travel_frac_per_min = 0.5;
  s.screen_travel_frac_per_min = 0.2;
  s.pipe_setpoint_c_per_min = 2.0;
  return s;
}

TEST(Safety, VentsByOutdoorTemperatureOnly) {
  bool fixed = true;
  EXPECT_EQ(safe_vent_demand(settings(), 10.0, fixed), 0.0);
  EXPECT_FALSE(fixed);
  EXPECT_DOUBLE_EQ(safe_vent_demand(settings(), 22.5, fixed), 0.25);
  EXPECT_EQ(safe_vent_demand(settings(), 40.0, fixed), 0.5);
  EXPECT_EQ(safe_vent_demand(settings(), std::nullopt, fixed), 0.05);
  EXPECT_TRUE(fixed);
}

TEST(Safety, FrostSafeHeatingAndSafePadStage) {
  HeatingSettings h;
  h.pipe_p_band_c = 10.0;
  FrostHeating f = frost_heating(settings(), h, 40.0);  // 0.3 + (45 − 40)/10
  EXPECT_EQ(f.t_pipe_setpoint_c, 45.0);
  EXPECT_DOUBLE_EQ(f.heating_frac, 0.8);
  f = frost_heating(settings(), h, std::nullopt);
  EXPECT_DOUBLE_EQ(f.heating_frac, 0.3);
  EXPECT_EQ(frost_heating(settings(), h, 60.0).heating_frac, 0.0);
  EXPECT_EQ(safe_pad_fan_stage(settings(), 35.0, 3), 2);
  EXPECT_EQ(safe_pad_fan_stage(settings(), 35.0, 1), 1);
  EXPECT_EQ(safe_pad_fan_stage(settings(), 30.0, 3), 0);
  EXPECT_EQ(safe_pad_fan_stage(settings(), std::nullopt, 3), 0);
}

TEST(Safety, NoCo2IntoAnOpenHouse) {
  Commands c;
  c.co2_dosing_frac = 0.6;
  c.co2_dosing_kg_ha_h = 60.0;
  c.vent_lee_open_frac = 0.6;
  InterlockInputs in;
  EXPECT_NE(apply_interlocks(settings(), in, c) & kInterlockCo2VentsOpen, 0u);
  EXPECT_EQ(c.co2_dosing_frac, 0.0);
  EXPECT_EQ(c.co2_dosing_kg_ha_h, 0.0);
  // Commanded nearly shut, but the vent is stuck at 0.7: the measured position counts.
  c = {};
  c.co2_dosing_frac = 0.6;
  c.vent_lee_open_frac = 0.1;
  in.vent_lee_feedback_frac = 0.7;
  apply_interlocks(settings(), in, c);
  EXPECT_EQ(c.co2_dosing_frac, 0.0);
  c = {};
  c.co2_dosing_frac = 0.6;
  in.vent_lee_feedback_frac = 0.4;
  EXPECT_EQ(apply_interlocks(settings(), in, c), 0u);
  EXPECT_EQ(c.co2_dosing_frac, 0.6);
}

TEST(Safety, NoFoggingColdHumidOrBlind) {
  const auto fog_after = [](std::optional<double> t, std::optional<double> rh,
                            std::uint32_t& flags) {
    Commands c;
    c.fogging_frac = 0.5;
    InterlockInputs in;
    in.t_air_c = t;
    in.rh_air_pct = rh;
    flags = apply_interlocks(settings(), in, c);
    return c.fogging_frac;
  };
  std::uint32_t flags = 0;
  EXPECT_EQ(fog_after(30.0, 40.0, flags), 0.5);
  EXPECT_EQ(fog_after(14.9, 40.0, flags), 0.0);
  EXPECT_NE(flags & kInterlockFogCold, 0u);
  EXPECT_EQ(fog_after(30.0, 91.0, flags), 0.0);
  EXPECT_NE(flags & kInterlockFogHumid, 0u);
  EXPECT_EQ(fog_after(30.0, std::nullopt, flags), 0.0);
  EXPECT_NE(flags & kInterlockFogNoSensor, 0u);
}

TEST(Safety, TravelRateLimits) {
  Commands previous;
  previous.t_pipe_setpoint_c = 40.0;
  previous.screen_energy_closed_frac = 1.0;
  Commands c;
  c.vent_lee_open_frac = 1.0;
  c.vent_wind_open_frac = 0.2;
  c.screen_energy_closed_frac = 0.0;
  c.t_pipe_setpoint_c = 70.0;
  InterlockInputs in;
  in.previous = &previous;
  in.dt_s = 60.0;
  const std::uint32_t flags = apply_interlocks(settings(), in, c);
  EXPECT_DOUBLE_EQ(c.vent_lee_open_frac, 0.5);   // 0.5 per min
  EXPECT_DOUBLE_EQ(c.vent_wind_open_frac, 0.2);  // within the limit
  EXPECT_DOUBLE_EQ(c.screen_energy_closed_frac, 0.8);
  EXPECT_DOUBLE_EQ(c.t_pipe_setpoint_c, 42.0);
  EXPECT_NE(flags & kRateLimitedVent, 0u);
  EXPECT_NE(flags & kRateLimitedScreen, 0u);
  EXPECT_NE(flags & kRateLimitedPipe, 0u);
  // No previous command (first step): no limit.
  Commands first;
  first.vent_lee_open_frac = 1.0;
  EXPECT_EQ(apply_interlocks(settings(), InterlockInputs{}, first), 0u);
  EXPECT_EQ(first.vent_lee_open_frac, 1.0);
}

}  // namespace
}  // namespace egin::control

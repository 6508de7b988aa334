// Screens: the energy screen's night and day rules with their hysteresis, its humidity and heat
// gaps, the stepwise morning opening, the missing-sensor assumptions; shade levels with
// hysteresis and the hot-climate temperature rule; blackout with lamps and by its window.
#include "egin/control/screens.hpp"

#include <gtest/gtest.h>

namespace egin::control {
namespace {

constexpr TimeMs kT0 = 1'750'000'000'000;

ScreenSettings settings() {
  ScreenSettings s;
  EnergyScreenSettings& e = s.energy;
  e.installed = true;
  e.closed_frac = 1.0;
  e.night_close_below_t_out_c = 10.0;
  e.day_close_below_t_out_c = 5.0;
  e.day_close_below_iglob_w_m2 = 50.0;
  e.t_out_hysteresis_c = 1.0;
  e.iglob_hysteresis_w_m2 = 20.0;
  e.gap_max_frac = 0.2;
  e.gap_rh_p_band_pct = 5.0;
  e.gap_heat_start_c = 0.0;
  e.gap_heat_p_band_c = 2.0;
  e.open_step_frac = 0.1;
  e.open_step_interval_min = 5.0;
  s.shade.installed = true;
  s.shade.levels = {{500.0, 0.5}, {800.0, 1.0}};
  s.shade.hysteresis_w_m2 = 50.0;
  s.shade.temperature_excess_c = 3.0;
  s.shade.temperature_closed_frac = 0.7;
  s.blackout.installed = true;
  s.blackout.closed_frac = 1.0;
  s.blackout.with_lamps = true;
  s.blackout.with_lamps_below_iglob_w_m2 = 10.0;
  return s;
}

ScreenInputs inputs(bool sun_up, double t_out, double iglob) {
  ScreenInputs in;
  in.now_ms = kT0;
  in.sun_up = sun_up;
  in.t_vent_c = 24.0;
  in.rh_max_pct = 85.0;
  in.t_air_c = 18.0;
  in.rh_air_pct = 80.0;
  in.t_out_c = t_out;
  in.iglob_w_m2 = iglob;
  return in;
}

TEST(EnergyScreen, NightRuleWithHysteresis) {
  const ScreenSettings s = settings();
  ScreenState st;
  EXPECT_EQ(screens_step(s, inputs(false, 10.5, 0.0), st).screen_energy_closed_frac, 0.0);
  ScreenOutput o = screens_step(s, inputs(false, 9.0, 0.0), st);
  EXPECT_EQ(o.screen_energy_closed_frac, 1.0);
  EXPECT_EQ(o.energy_reason, EnergyScreenReason::kClosedNightCold);
  // 10.5 °C: inside the 1 °C hysteresis, stays closed; 11 °C opens (in steps).
  EXPECT_EQ(screens_step(s, inputs(false, 10.5, 0.0), st).screen_energy_closed_frac, 1.0);
  o = screens_step(s, inputs(false, 11.0, 0.0), st);
  EXPECT_EQ(o.energy_reason, EnergyScreenReason::kOpenNight);
  EXPECT_NEAR(o.screen_energy_closed_frac, 0.9, 1e-12);
  // Missing outdoor temperature at night counts as cold.
  ScreenState fresh;
  ScreenInputs blind = inputs(false, 20.0, 0.0);
  blind.t_out_c.reset();
  EXPECT_EQ(screens_step(s, blind, fresh).screen_energy_closed_frac, 1.0);
}

TEST(EnergyScreen, DayRuleNeedsColdAndDark) {
  const ScreenSettings s = settings();
  ScreenState st;
  EXPECT_EQ(screens_step(s, inputs(true, 3.0, 60.0), st).screen_energy_closed_frac, 0.0);
  EXPECT_EQ(screens_step(s, inputs(true, 6.0, 30.0), st).screen_energy_closed_frac, 0.0);
  const ScreenOutput o = screens_step(s, inputs(true, 3.0, 30.0), st);
  EXPECT_EQ(o.screen_energy_closed_frac, 1.0);
  EXPECT_EQ(o.energy_reason, EnergyScreenReason::kClosedDayColdDark);
  // 60 W/m²: inside the 20 W/m² hysteresis; 70 W/m² opens it.
  screens_step(s, inputs(true, 3.0, 60.0), st);
  EXPECT_TRUE(st.energy_closed);
  screens_step(s, inputs(true, 3.0, 70.0), st);
  EXPECT_FALSE(st.energy_closed);
  // Missing radiation by day counts as bright: open.
  ScreenState fresh;
  ScreenInputs blind = inputs(true, 3.0, 0.0);
  blind.iglob_w_m2.reset();
  EXPECT_EQ(screens_step(s, blind, fresh).screen_energy_closed_frac, 0.0);
}

TEST(EnergyScreen, GapsForHumidityAndHeat) {
  const ScreenSettings s = settings();
  ScreenState st;
  ScreenInputs in = inputs(false, 0.0, 0.0);
  screens_step(s, in, st);
  in.rh_air_pct = 87.5;  // (87.5 − 85)/5 = 0.5 → gap 0.1
  in.now_ms += 10 * kMsPerMinute;
  ScreenOutput o = screens_step(s, in, st);
  EXPECT_NEAR(o.energy_gap_frac, 0.1, 1e-12);
  EXPECT_NEAR(o.screen_energy_closed_frac, 0.9, 1e-12);
  in.rh_air_pct = 80.0;
  in.t_air_c = 25.5;  // 1.5 °C over the vent temperature: 0.75 → gap 0.15
  in.now_ms += 10 * kMsPerMinute;
  o = screens_step(s, in, st);
  EXPECT_NEAR(o.energy_gap_frac, 0.15, 1e-12);
  EXPECT_NEAR(o.screen_energy_closed_frac, 0.85, 1e-12);
}

TEST(EnergyScreen, HumidityGapShutWhenCold) {
  // GreenLight's thScrRh ignores humidity once ventCold closes (1–2 °C below the heating
  // set-point): stop 1 °C, band 1 °C under T_heat = 19 °C → factor 0 at 17 °C, 1 at 18 °C.
  ScreenSettings s = settings();
  s.energy.gap_rh_cold_stop_below_heat_c = 1.0;
  s.energy.gap_rh_cold_p_band_c = 1.0;
  ScreenState st;
  ScreenInputs in = inputs(false, 0.0, 0.0);
  in.t_heat_c = 19.0;
  in.rh_air_pct = 87.5;  // humidity alone: gap 0.1 (as above)
  in.t_air_c = 18.0;
  screens_step(s, in, st);
  in.now_ms += 10 * kMsPerMinute;
  EXPECT_NEAR(screens_step(s, in, st).energy_gap_frac, 0.1, 1e-12);
  in.t_air_c = 17.5;  // half way: 0.05
  in.now_ms += 10 * kMsPerMinute;
  EXPECT_NEAR(screens_step(s, in, st).energy_gap_frac, 0.05, 1e-12);
  in.t_air_c = 16.9;  // cold: shut
  in.now_ms += 10 * kMsPerMinute;
  const ScreenOutput o = screens_step(s, in, st);
  EXPECT_NEAR(o.energy_gap_frac, 0.0, 1e-12);
  EXPECT_NEAR(o.screen_energy_closed_frac, 1.0, 1e-12);
}

TEST(EnergyScreen, OpensInStepsClosesAtOnce) {
  const ScreenSettings s = settings();
  ScreenState st;
  ScreenInputs in = inputs(false, 0.0, 0.0);
  EXPECT_EQ(screens_step(s, in, st).screen_energy_closed_frac, 1.0);
  // Sunrise, mild: the rule opens; positions 0.9 at once, 0.8 after 5 min, 0.7 after 10 …
  in = inputs(true, 8.0, 100.0);
  in.now_ms = kT0 + kMsPerHour;
  EXPECT_NEAR(screens_step(s, in, st).screen_energy_closed_frac, 0.9, 1e-12);
  in.now_ms += 4 * kMsPerMinute;
  ScreenOutput o = screens_step(s, in, st);
  EXPECT_NEAR(o.screen_energy_closed_frac, 0.9, 1e-12);
  EXPECT_TRUE(o.energy_stepping);
  in.now_ms += 1 * kMsPerMinute;
  EXPECT_NEAR(screens_step(s, in, st).screen_energy_closed_frac, 0.8, 1e-12);
  for (int k = 0; k < 8; ++k) {
    in.now_ms += 5 * kMsPerMinute;
    o = screens_step(s, in, st);
  }
  EXPECT_EQ(o.screen_energy_closed_frac, 0.0);
  EXPECT_FALSE(o.energy_stepping);
  // Closing is immediate.
  in = inputs(false, 0.0, 0.0);
  in.now_ms = kT0 + 3 * kMsPerHour;
  EXPECT_EQ(screens_step(s, in, st).screen_energy_closed_frac, 1.0);
}

TEST(ShadeScreen, LevelsWithHysteresisAndHeat) {
  const ScreenSettings s = settings();
  ScreenState st;
  const auto shade = [&](double iglob) {
    return screens_step(s, inputs(true, 30.0, iglob), st).screen_shade_closed_frac;
  };
  EXPECT_EQ(shade(450.0), 0.0);
  EXPECT_EQ(shade(600.0), 0.5);
  EXPECT_EQ(shade(850.0), 1.0);
  EXPECT_EQ(shade(780.0), 1.0);  // above 800 − 50
  EXPECT_EQ(shade(740.0), 0.5);  // level 2 left, level 1 holds (≥ 450)
  EXPECT_EQ(shade(460.0), 0.5);
  EXPECT_EQ(shade(440.0), 0.0);
  // Hot: T ≥ T_vent + 3 with the sun up → 0.7, until 1 °C below that.
  ScreenInputs hot = inputs(true, 38.0, 300.0);
  hot.t_air_c = 27.0;
  EXPECT_EQ(screens_step(s, hot, st).screen_shade_closed_frac, 0.7);
  hot.t_air_c = 26.5;
  EXPECT_EQ(screens_step(s, hot, st).screen_shade_closed_frac, 0.7);
  hot.t_air_c = 26.0;
  EXPECT_EQ(screens_step(s, hot, st).screen_shade_closed_frac, 0.0);
}

TEST(BlackoutScreen, WithLampsInTheDarkAndInItsWindow) {
  const ScreenSettings s = settings();
  ScreenState st;
  ScreenInputs in = inputs(false, 0.0, 0.0);
  in.lamps_on = true;
  EXPECT_EQ(screens_step(s, in, st).screen_blackout_closed_frac, 1.0);
  in = inputs(true, 0.0, 5.0);  // sun up but still darker than 10 W/m²
  in.lamps_on = true;
  EXPECT_EQ(screens_step(s, in, st).screen_blackout_closed_frac, 1.0);
  in.iglob_w_m2 = 50.0;
  EXPECT_EQ(screens_step(s, in, st).screen_blackout_closed_frac, 0.0);
  in.lamps_on = false;
  in.iglob_w_m2 = 0.0;
  EXPECT_EQ(screens_step(s, in, st).screen_blackout_closed_frac, 0.0);
  ScreenSettings windowed = s;
  windowed.blackout.has_window = true;
  in.in_blackout_window = true;
  EXPECT_EQ(screens_step(windowed, in, st).screen_blackout_closed_frac, 1.0);
}

}  // namespace
}  // namespace egin::control

// Lamps: the clock window across midnight, the radiation hysteresis, the light-sum target, the
// daily radiation-sum limit (GreenLight's lampRadSumLimit), the daily hour limit, tariff blocks, the hot rule, minimum on and off times, and the light day that
// starts when the window opens. Steps of 5 min from local midnight at UTC+5.
#include "egin/control/lamps.hpp"

#include <gtest/gtest.h>

#include "egin/control/site_sun.hpp"
#include "test_support.hpp"

namespace egin::control {
namespace {

constexpr double kStepS = 300.0;

LampSettings settings() {
  LampSettings s;
  s.installed = true;
  s.window_start = {TimeAnchor::kClock, 0.0};
  s.window_end = {TimeAnchor::kClock, 18.0 * 60.0};
  s.off_above_iglob_w_m2 = 400.0;
  s.on_below_iglob_w_m2 = 300.0;
  s.light_sum_target_mol_m2 = 0.0;
  s.max_on_h = 24.0;
  s.ppfd_umol_m2_s = 200.0;
  return s;
}

/// Runs the lamp rule like the controller does, one step every 5 min.
struct Runner {
  LampSettings s = settings();
  LampState st;
  TimeMs now = local_midnight_ms(Date(2025, 1, 10), 300);
  bool first = true;
  std::optional<double> forecast_mj_m2;
  LampOutput step(double iglob, double t_air = 20.0) {
    LampInputs in;
    in.forecast_rad_sum_mj_m2 = forecast_mj_m2;
    in.now_ms = now;
    in.dt_s = first ? 0.0 : kStepS;
    in.window_opened_ms = window_opened_at(s.window_start, s.window_end, test::turkistan(), now);
    for (const TariffBlock& b : s.tariff_blocks) {
      in.in_tariff_block =
          in.in_tariff_block || window_opened_at(b.start, b.end, test::turkistan(), now);
    }
    in.iglob_w_m2 = iglob;
    in.t_air_c = t_air;
    in.t_vent_c = 24.0;
    in.light.transmission_frac = 0.5;
    in.light.par_umol_per_j = 2.0;
    first = false;
    const LampOutput out = lamps_step(s, in, st);
    now += static_cast<TimeMs>(kStepS) * kMsPerSecond;
    return out;
  }
  void skip_to(int h, int m) {
    const TimeMs target =
        local_midnight_ms(local_date(now, 300), 300) + (h * 60 + m) * kMsPerMinute;
    now = target;
  }
};

TEST(Lamps, WindowAndRadiationHysteresis) {
  Runner r;
  LampOutput o = r.step(0.0);
  EXPECT_TRUE(o.lamps_on);
  r.skip_to(10, 0);
  EXPECT_FALSE(r.step(450.0).lamps_on);                  // bright
  EXPECT_EQ(r.step(350.0).reason, LampReason::kBright);  // between 300 and 400: stays off
  EXPECT_TRUE(r.step(290.0).lamps_on);
  EXPECT_TRUE(r.step(350.0).lamps_on);  // between: stays on
  r.skip_to(18, 0);
  o = r.step(0.0);
  EXPECT_FALSE(o.lamps_on);
  EXPECT_EQ(o.reason, LampReason::kOutsideWindow);
}

TEST(Lamps, LightSumTarget) {
  // 200 µmol/m²/s for 300 s = 0.06 mol/m² per step: 5 mol/m² after 84 steps, at 07:00.
  Runner r;
  r.s.light_sum_target_mol_m2 = 5.0;
  int steps_on = 0;
  for (int k = 0; k < 120; ++k) {
    if (r.step(0.0).lamps_on) {
      ++steps_on;
    }
  }
  EXPECT_EQ(steps_on, 84);
  EXPECT_EQ(r.st.light_sum_mol_m2 > 5.0, true);
  // Sunlight counts too: 100 W/m² × 0.5 × 2 µmol/J = 100 µmol/m²/s.
  Runner sun;
  sun.s.light_sum_target_mol_m2 = 5.0;
  sun.step(100.0);
  sun.step(100.0);
  EXPECT_NEAR(sun.st.light_sum_mol_m2, (200.0 + 100.0) * kStepS * 1e-6, 1e-12);
}

TEST(Lamps, RadiationSumLimit) {
  // GreenLight (Katzin, Marcelis & Van Mourik 2021, Table 1; Katzin 2021 PhD thesis ch. 4):
  // lamps off all day when the day's global radiation sum exceeds lampRadSumLimit = 10 MJ/m²/d.
  // A sunny day forecast (12 MJ/m²): off from the window's opening, in the dark.
  Runner sunny;
  sunny.s.rad_sum_limit_mj_m2 = 10.0;
  sunny.forecast_mj_m2 = 12.0;
  LampOutput o = sunny.step(0.0);
  EXPECT_FALSE(o.lamps_on);
  EXPECT_EQ(o.reason, LampReason::kRadSumLimit);
  EXPECT_DOUBLE_EQ(o.expected_rad_sum_mj_m2, 12.0);
  // A dull one (8 MJ/m²) burns as before.
  Runner dull;
  dull.s.rad_sum_limit_mj_m2 = 10.0;
  dull.forecast_mj_m2 = 8.0;
  EXPECT_TRUE(dull.step(0.0).lamps_on);
  // No forecast: the sum measured since the window opened decides. 250 W/m² for 300 s =
  // 0.075 MJ/m² a step: 10 MJ/m² after 134 steps (133.3), so the lamps burn steps 0–133.
  Runner measured;
  measured.s.rad_sum_limit_mj_m2 = 10.0;
  int steps_on = 0;
  for (int k = 0; k < 180; ++k) {
    o = measured.step(250.0);
    steps_on += o.lamps_on ? 1 : 0;
  }
  EXPECT_EQ(steps_on, 134);
  EXPECT_EQ(o.reason, LampReason::kRadSumLimit);
  EXPECT_NEAR(measured.st.rad_sum_mj_m2, 179 * 0.075, 1e-9);
  // A forecast below what has been measured does not hide the measurement.
  Runner low;
  low.s.rad_sum_limit_mj_m2 = 1.0;
  low.forecast_mj_m2 = 0.5;
  for (int k = 0; k < 14; ++k) {
    o = low.step(250.0);
  }
  EXPECT_TRUE(o.lamps_on);  // 13 steps measured: 0.975 MJ/m² < 1
  o = low.step(250.0);
  EXPECT_FALSE(o.lamps_on);  // 14 steps: 1.05 MJ/m²
  EXPECT_NEAR(o.expected_rad_sum_mj_m2, 1.05, 1e-9);
  // The limit 0 means no rule.
  Runner none;
  none.forecast_mj_m2 = 40.0;
  EXPECT_TRUE(none.step(0.0).lamps_on);
}

TEST(Lamps, MaximumHoursTariffAndHeat) {
  Runner r;
  r.s.max_on_h = 2.0;
  int steps_on = 0;
  for (int k = 0; k < 48; ++k) {
    steps_on += r.step(0.0).lamps_on ? 1 : 0;
  }
  EXPECT_EQ(steps_on, 24);  // 24 × 5 min = 2 h
  EXPECT_EQ(r.step(0.0).reason, LampReason::kMaxHours);

  Runner t;
  t.s.tariff_blocks = {{{TimeAnchor::kClock, 7 * 60.0}, {TimeAnchor::kClock, 9 * 60.0}}};
  t.skip_to(6, 55);
  EXPECT_TRUE(t.step(0.0).lamps_on);
  const LampOutput o = t.step(0.0);  // 07:00
  EXPECT_FALSE(o.lamps_on);
  EXPECT_EQ(o.reason, LampReason::kTariffBlock);
  t.skip_to(9, 0);
  EXPECT_TRUE(t.step(0.0).lamps_on);

  Runner h;
  h.s.hot_off_excess_c = 2.0;
  EXPECT_TRUE(h.step(0.0, 25.9).lamps_on);
  EXPECT_EQ(h.step(0.0, 26.0).reason, LampReason::kHot);
}

TEST(Lamps, MinimumOnAndOffTimes) {
  Runner r;
  r.s.min_on_min = 30.0;
  r.s.min_off_min = 20.0;
  r.skip_to(10, 0);
  r.st.last_switch_ms = r.now - kMsPerHour;  // long off
  EXPECT_TRUE(r.step(0.0).lamps_on);         // 10:00 on
  r.skip_to(10, 10);
  LampOutput o = r.step(500.0);  // bright after 10 min: held on
  EXPECT_TRUE(o.lamps_on);
  EXPECT_EQ(o.reason, LampReason::kMinOnHold);
  r.skip_to(10, 30);
  EXPECT_FALSE(r.step(500.0).lamps_on);  // 30 min on: off
  r.skip_to(10, 35);
  o = r.step(100.0);  // dull, but only 5 min off
  EXPECT_FALSE(o.lamps_on);
  EXPECT_EQ(o.reason, LampReason::kMinOffHold);
  r.skip_to(10, 50);
  EXPECT_TRUE(r.step(100.0).lamps_on);
}

TEST(Lamps, LightDayStartsWhenTheWindowOpens) {
  Runner r;
  r.s.window_start = {TimeAnchor::kClock, 22 * 60.0};
  r.s.window_end = {TimeAnchor::kClock, 16 * 60.0};
  r.skip_to(23, 0);
  r.step(0.0);
  r.step(0.0);
  EXPECT_NEAR(r.st.light_sum_mol_m2, 0.06, 1e-12);
  EXPECT_NEAR(r.step(0.0).on_h, 10.0 / 60.0, 1e-12);
  // Next evening at 22:00 a new light day begins.
  r.now = local_midnight_ms(Date(2025, 1, 11), 300) + 22 * kMsPerHour;
  const LampOutput o = r.step(0.0);
  EXPECT_EQ(o.on_h, 0.0);
  EXPECT_EQ(o.light_sum_mol_m2, 0.0);
  EXPECT_EQ(r.st.light_day_start_ms, local_midnight_ms(Date(2025, 1, 11), 300) + 22 * kMsPerHour);
}

}  // namespace
}  // namespace egin::control

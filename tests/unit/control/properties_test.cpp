// Properties over many random cases (fixed seeds, so a failure repeats): whatever the sensors say
// — good, stale, missing, flagged, absurd — every command stays in its range, the interlocks and
// travel limits hold, and the time bands move no faster than their ramps allow.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "egin/control/climate_controller.hpp"
#include "egin/control/settings_toml.hpp"
#include "test_support.hpp"

namespace egin::control {
namespace {

ControllerSettings turkistan_file() {
  return load_controller_settings(std::string(EGIN_SOURCE_DIR) +
                                  "/data/controllers/turkistan-korean-tomato.toml");
}

/// A reading that is usually plausible, sometimes stale, missing, flagged or absurd.
Reading random_reading(std::mt19937& rng, TimeMs now, double lo, double hi) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const double pick = u(rng);
  const double value = lo + (hi - lo) * u(rng);
  if (pick < 0.04) {
    return Reading{};
  }
  if (pick < 0.07) {
    return good_reading(value, now - 3 * kMsPerHour);
  }
  if (pick < 0.09) {
    return {value, now, Quality::kBad};
  }
  if (pick < 0.11) {
    return good_reading(hi * 10.0 + 100.0, now);
  }
  return good_reading(value, now);
}

TEST(Properties, CommandsStayInRangeAndInterlocksHold) {
  const ControllerSettings s = turkistan_file();
  const SafetySettings& safety = s.safety;
  std::mt19937 rng(20250714);
  ControllerState st;
  TimeMs now = test::at("2025-01-01T00:00:00Z");
  Commands previous;
  bool has_previous = false;
  for (int k = 0; k < 20000; ++k) {
    now += (1 + static_cast<TimeMs>(rng() % 10)) * kMsPerMinute;
    Measurements m;
    m.t_air_c = random_reading(rng, now, -5.0, 48.0);
    m.rh_air_pct = random_reading(rng, now, 10.0, 100.0);
    m.co2_air_ppm = random_reading(rng, now, 250.0, 1500.0);
    m.t_out_c = random_reading(rng, now, -25.0, 46.0);
    m.rh_out_pct = random_reading(rng, now, 5.0, 100.0);
    m.iglob_w_m2 = random_reading(rng, now, 0.0, 1000.0);
    m.wind_m_s = random_reading(rng, now, 0.0, 25.0);
    m.rain_mm_h = random_reading(rng, now, 0.0, 2.0);
    m.t_pipe_c = random_reading(rng, now, 5.0, 90.0);
    m.vent_lee_open_frac = random_reading(rng, now, 0.0, 1.0);
    m.vent_wind_open_frac = random_reading(rng, now, 0.0, 1.0);
    m.screen_energy_closed_frac = random_reading(rng, now, 0.0, 1.0);
    m.screen_shade_closed_frac = random_reading(rng, now, 0.0, 1.0);
    if (rng() % 500 == 0) {
      set_manual(st.operator_modes, static_cast<ActuatorId>(rng() % kActuatorCount), 1.0,
                 now + kMsPerHour);
    }
    const StepResult r = step(s, {now, test::turkistan(), m}, st);
    const Commands& c = r.commands;
    const SensorView& v = r.explanation.sensors;
    for (const double f : {c.heating_frac, c.vent_lee_open_frac, c.vent_wind_open_frac,
                           c.screen_energy_closed_frac, c.screen_shade_closed_frac,
                           c.screen_blackout_closed_frac, c.co2_dosing_frac, c.fogging_frac}) {
      ASSERT_GE(f, 0.0) << k;
      ASSERT_LE(f, 1.0) << k;
    }
    ASSERT_GE(c.pad_fan_stage, 0);
    ASSERT_LE(c.pad_fan_stage, static_cast<int>(s.cooling.pad.stage_excess_c.size()));
    ASSERT_DOUBLE_EQ(c.pad_fan_frac, c.pad_fan_stage / 3.0);  // three stages in this file
    ASSERT_LE(c.t_pipe_setpoint_c, std::max(s.heating.t_pipe_max_c, 95.0));
    ASSERT_NEAR(c.co2_dosing_kg_ha_h, c.co2_dosing_frac * s.co2.capacity_kg_ha_h, 1e-9);
    ASSERT_FALSE(c.lamps_on);  // no lamps in this greenhouse, even in manual mode
    ASSERT_EQ(c.screen_blackout_closed_frac, 0.0);
    // No CO2 into an open house, counting the measured vent positions.
    const double open = std::max({c.vent_lee_open_frac, c.vent_wind_open_frac,
                                  v.get(SensorId::kVentLeeFeedback).value_or(0.0),
                                  v.get(SensorId::kVentWindFeedback).value_or(0.0)});
    if (open > safety.co2_max_vent_open_frac) {
      ASSERT_EQ(c.co2_dosing_frac, 0.0) << k;
    }
    // No fogging blind, cold or humid.
    const auto t_air = v.get(SensorId::kTAir);
    const auto rh = v.get(SensorId::kRhAir);
    if (!t_air || !rh || *t_air < safety.fog_min_t_air_c || *rh > safety.fog_max_rh_pct) {
      ASSERT_EQ(c.fogging_frac, 0.0) << k;
    }
    // Lost air temperature: frost-safe heating unless heating is in manual mode.
    if (!t_air && !st.operator_modes.manual[index_of(ActuatorId::kHeating)].active) {
      ASSERT_NE(r.explanation.safe_states & kSafeHeatingFrost, 0u);
    }
    // Travel limits from the previous command.
    if (has_previous) {
      const double dt_min = r.explanation.dt_s / 60.0;
      ASSERT_LE(std::abs(c.vent_lee_open_frac - previous.vent_lee_open_frac),
                safety.vent_travel_frac_per_min * dt_min + 1e-12);
      ASSERT_LE(std::abs(c.screen_energy_closed_frac - previous.screen_energy_closed_frac),
                safety.screen_travel_frac_per_min * dt_min + 1e-12);
      ASSERT_LE(std::abs(c.t_pipe_setpoint_c - previous.t_pipe_setpoint_c),
                safety.pipe_setpoint_c_per_min * dt_min + 1e-9);
    }
    previous = c;
    has_previous = true;
  }
}

TEST(Properties, BandsMoveNoFasterThanTheirRamps) {
  std::mt19937 rng(43);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int trial = 0; trial < 60; ++trial) {
    std::vector<Band> bands;
    const int n = 1 + static_cast<int>(rng() % kMaxBands);
    double min_ramp = kMaxRampMin;
    for (int i = 0; i < n; ++i) {
      Band b;
      b.name = std::to_string(i);
      b.name.insert(0, 1, 'b');  // not "b" + …: GCC 12's -O3 false -Wrestrict (bug 105329)
      const int anchor = static_cast<int>(rng() % 3);
      b.start = anchor == 0 ? TimeOfDay{TimeAnchor::kClock, std::floor(u(rng) * 1440.0)}
                            : TimeOfDay{anchor == 1 ? TimeAnchor::kSunrise : TimeAnchor::kSunset,
                                        std::floor(-240.0 + 480.0 * u(rng))};
      b.ramp_min = 10.0 + std::floor(u(rng) * 180.0);
      min_ramp = std::min(min_ramp, b.ramp_min);
      b.setpoints[SetpointId::kTHeatC] = 10.0 + 20.0 * u(rng);
      bands.push_back(b);
    }
    // Set-points span at most 20 °C: a ramp moves at most 20 °C per shortest ramp.
    const double max_per_min = 20.0 / min_ramp;
    const SiteInfo site = trial % 2 == 0 ? test::turkistan() : SiteInfo{58.0, 10.0, 60};
    TimeMs t = test::at("2025-03-18T00:00:00Z");
    double last = evaluate_bands(bands, site, t).setpoints[SetpointId::kTHeatC];
    for (int minute = 1; minute < 3 * 1440; ++minute) {
      t += kMsPerMinute;
      const double now = evaluate_bands(bands, site, t).setpoints[SetpointId::kTHeatC];
      ASSERT_LE(std::abs(now - last), max_per_min + 1e-9)
          << "trial " << trial << " minute " << minute;
      ASSERT_GE(now, 10.0 - 1e-9);
      ASSERT_LE(now, 30.0 + 1e-9);
      last = now;
    }
  }
}

}  // namespace
}  // namespace egin::control

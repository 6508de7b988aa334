#include "egin/runtime/twin_actuators.hpp"

#include <gtest/gtest.h>

#include "twin_loop_support.hpp"

namespace egin::runtime {
namespace {

using control::ActuatorId;

TEST(TwinActuators, TravelReachesTheTargetAndAveragesTheRamp) {
  double mean = 0.0;
  // 0 → 1 at 0.5/min takes 120 s; over 300 s the mean is (120·0.5 + 180·1)/300 = 0.8.
  EXPECT_DOUBLE_EQ(travel_position(0.0, 1.0, 0.5, 300.0, mean), 1.0);
  EXPECT_DOUBLE_EQ(mean, 0.8);
  // 0 → 1 at 0.1/min: 0.5 after 300 s, mean 0.25.
  EXPECT_DOUBLE_EQ(travel_position(0.0, 1.0, 0.1, 300.0, mean), 0.5);
  EXPECT_DOUBLE_EQ(mean, 0.25);
  // Closing: 0.9 → 0.3 at 0.2/min over 60 s: 0.7, mean 0.8.
  EXPECT_NEAR(travel_position(0.9, 0.3, 0.2, 60.0, mean), 0.7, 1e-12);
  EXPECT_NEAR(mean, 0.8, 1e-12);
  // No travel needed.
  EXPECT_DOUBLE_EQ(travel_position(0.4, 0.4, 0.5, 300.0, mean), 0.4);
  EXPECT_DOUBLE_EQ(mean, 0.4);
}

TEST(TwinActuators, StuckActuatorsKeepTheirPosition) {
  ActuatorPositions p;
  p.vent_lee_open_frac = 0.2;
  p.vent_wind_open_frac = 0.2;
  p.heating_frac = 0.1;
  ActuatorPositions t;
  t.vent_lee_open_frac = 1.0;
  t.vent_wind_open_frac = 1.0;
  t.heating_frac = 0.9;
  const StuckMask stuck = 1u << control::index_of(ActuatorId::kVentLee);
  const ActuatorPositions mean = travel(p, t, ActuatorTravel{}, stuck, 300.0);
  EXPECT_DOUBLE_EQ(p.vent_lee_open_frac, 0.2);
  EXPECT_DOUBLE_EQ(mean.vent_lee_open_frac, 0.2);
  // The windward side travels 0.8 at 0.5/min (96 s): mean (96·0.6 + 204·1)/300 = 0.872.
  EXPECT_DOUBLE_EQ(p.vent_wind_open_frac, 1.0);
  EXPECT_NEAR(mean.vent_wind_open_frac, 0.872, 1e-12);
  // The boiler switches at once.
  EXPECT_DOUBLE_EQ(mean.heating_frac, 0.9);
}

TEST(TwinActuators, MappingFollowsTheDesignsVents) {
  const ControlsMapping korean = controls_mapping_for(test::design("turkistan-korean-multispan"));
  const ControlsMapping venlo = controls_mapping_for(test::design("greenlight-venlo"));
  EXPECT_TRUE(korean.windward_is_side_vent);  // 190 m² of roll-up side walls
  EXPECT_TRUE(korean.has_air_heater);
  EXPECT_FALSE(venlo.windward_is_side_vent);  // no side vents
  EXPECT_FALSE(venlo.has_air_heater);
  EXPECT_DOUBLE_EQ(venlo.co2_capacity_mg_m2_s, 5.14);

  ActuatorPositions p;
  p.vent_lee_open_frac = 0.6;
  p.vent_wind_open_frac = 0.2;
  p.screen_energy_closed_frac = 0.9;
  p.screen_shade_closed_frac = 0.5;
  p.co2_dosing_kg_ha_h = 185.0;
  p.lamps_on = true;
  p.fogging_frac = 0.3;
  p.pad_fan_frac = 2.0 / 3.0;
  p.heating_frac = 0.4;
  p.air_heater_frac = 0.5;
  const greenhouse::Controls uk = to_controls(p, korean);
  EXPECT_DOUBLE_EQ(uk.roof_vent_frac, 0.6);
  EXPECT_DOUBLE_EQ(uk.side_vent_frac, 0.2);
  EXPECT_DOUBLE_EQ(uk.air_heater_frac, 0.5);
  // 185 kg/(ha h) = 5.139 mg/(m² s) > the Korean 2.5: at capacity.
  EXPECT_DOUBLE_EQ(uk.co2_dosing_frac, 1.0);
  const greenhouse::Controls uv = to_controls(p, venlo);
  EXPECT_DOUBLE_EQ(uv.roof_vent_frac, 0.4);  // both halves of the roof
  EXPECT_DOUBLE_EQ(uv.side_vent_frac, 0.0);
  EXPECT_DOUBLE_EQ(uv.air_heater_frac, 0.0);  // none installed
  // 185 kg/(ha h) = 185e6 mg / (1e4 m² · 3600 s) = 5.1389 mg/(m² s) of 5.14.
  EXPECT_NEAR(uv.co2_dosing_frac, 185e6 / 1e4 / 3600.0 / 5.14, 1e-12);
  EXPECT_DOUBLE_EQ(uv.thermal_screen_frac, 0.9);
  EXPECT_DOUBLE_EQ(uv.shade_screen_frac, 0.5);
  EXPECT_DOUBLE_EQ(uv.lamp_frac, 1.0);
  EXPECT_DOUBLE_EQ(uv.fog_frac, 0.3);
  EXPECT_DOUBLE_EQ(uv.pad_fan_frac, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(uv.boiler_frac, 0.4);
  EXPECT_DOUBLE_EQ(uv.whitewash_frac, 0.0);
}

TEST(TwinActuators, AirHeaterIsTheSecondHeatingStage) {
  ControlsMapping m;
  m.has_air_heater = true;
  m.air_heater_start_frac = 0.8;
  control::Commands c;
  c.heating_frac = 1.0;
  c.co2_dosing_kg_ha_h = 50.0;
  EXPECT_DOUBLE_EQ(targets_from_commands(c, 0.9, true, m).air_heater_frac, 0.5);
  EXPECT_DOUBLE_EQ(targets_from_commands(c, 1.0, true, m).air_heater_frac, 1.0);
  EXPECT_DOUBLE_EQ(targets_from_commands(c, 0.7, true, m).air_heater_frac, 0.0);
  EXPECT_DOUBLE_EQ(targets_from_commands(c, 1.0, false, m).air_heater_frac, 0.0);
  m.has_air_heater = false;
  EXPECT_DOUBLE_EQ(targets_from_commands(c, 1.0, true, m).air_heater_frac, 0.0);
  // 50 kg/(ha h) of the Korean 2.5 mg/(m² s): 1.3889 / 2.5.
  m.co2_capacity_mg_m2_s = 2.5;
  EXPECT_NEAR(to_controls(targets_from_commands(c, 0.0, true, m), m).co2_dosing_frac,
              50e6 / 1e4 / 3600.0 / 2.5, 1e-12);
}

}  // namespace
}  // namespace egin::runtime

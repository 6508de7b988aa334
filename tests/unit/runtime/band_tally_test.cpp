#include "egin/runtime/band_tally.hpp"

#include <gtest/gtest.h>

namespace egin::runtime {
namespace {

struct Fixture {
  control::ControllerSettings settings;
  ControlsMapping mapping;
  greenhouse::Outputs before;
  control::StepResult result;
  ActuatorPositions mean;

  Fixture() {
    settings.ventilation.installed = true;
    settings.cooling.pad.installed = true;
    settings.cooling.pad.stage_excess_c = {1.0, 2.0};
    result.explanation.setpoints[control::SetpointId::kTHeatC] = 18.0;
    result.explanation.setpoints[control::SetpointId::kRhMaxPct] = 85.0;
    result.explanation.t_vent_c = 22.0;
    mapping.has_air_heater = true;
  }
  StepRecord record(double dt_s = 1800.0) {
    StepRecord r;
    r.dt_s = dt_s;
    r.before = &before;
    r.result = &result;
    r.mean_positions = &mean;
    return r;
  }
};

TEST(BandTally, BandEdgesAreTheSetpointsWidened) {
  Fixture f;
  BandTally tally(f.settings, f.mapping);  // 1 °C below heating, 2 °C above venting, RH + 5 %
  f.before.t_air_c = 17.0;                 // the lower edge
  f.before.rh_air_pct = 90.0;              // the upper edge
  tally.add(f.record());
  f.before.t_air_c = 24.0;  // the upper edge
  tally.add(f.record());
  EXPECT_DOUBLE_EQ(tally.t_air().in_band_hours, 1.0);
  EXPECT_DOUBLE_EQ(tally.rh_air().in_band_hours, 1.0);
  f.before.t_air_c = 16.9;
  f.before.rh_air_pct = 90.1;
  tally.add(f.record());
  EXPECT_DOUBLE_EQ(tally.t_air().below_hours, 0.5);
  EXPECT_DOUBLE_EQ(tally.t_air().out_hours_for(BandReason::kControl), 0.5);
  EXPECT_DOUBLE_EQ(tally.rh_air().above_hours, 0.5);
  EXPECT_DOUBLE_EQ(tally.t_air().hours, 1.5);
  EXPECT_DOUBLE_EQ(tally.t_air().in_band_share_where_can(), 1.0 / 1.5);
}

TEST(BandTally, CapacityHoursAreLeftOutOfTheShare) {
  Fixture f;
  BandTally tally(f.settings, f.mapping);
  // Too cold with the boiler and the air heater at full: heating capacity.
  f.before.t_air_c = 10.0;
  f.mean.heating_frac = 1.0;
  f.mean.air_heater_frac = 1.0;
  tally.add(f.record());
  // Too cold with the air heater idle: the controller's doing.
  f.mean.air_heater_frac = 0.2;
  tally.add(f.record());
  // Too warm, heating off, pads at the top stage: cooling capacity.
  f.before.t_air_c = 30.0;
  f.mean.heating_frac = 0.0;
  f.mean.pad_fan_frac = 1.0;
  tally.add(f.record());
  // Too warm, pads blocked by humid outdoor air, vents at their caps (a wind cap of 0.4).
  f.mean.pad_fan_frac = 0.0;
  f.result.explanation.cooling.pad_outdoor_humid = true;
  f.result.explanation.ventilation.lee_cap_frac = 1.0;
  f.result.explanation.ventilation.wind_cap_frac = 0.4;
  f.mean.vent_lee_open_frac = 1.0;
  f.mean.vent_wind_open_frac = 0.4;
  tally.add(f.record());
  // In band.
  f.before.t_air_c = 20.0;
  tally.add(f.record(3600.0));
  const VariableBandHours& t = tally.t_air();
  EXPECT_DOUBLE_EQ(t.out_hours_for(BandReason::kHeatingCapacity), 0.5);
  EXPECT_DOUBLE_EQ(t.out_hours_for(BandReason::kControl), 0.5);
  EXPECT_DOUBLE_EQ(t.out_hours_for(BandReason::kCoolingCapacity), 1.0);
  EXPECT_DOUBLE_EQ(t.hours, 3.0);
  EXPECT_DOUBLE_EQ(t.hours_equipment_can(), 1.5);
  EXPECT_DOUBLE_EQ(t.in_band_share_where_can(), 1.0 / 1.5);
}

TEST(BandTally, SafeStatesManualAndStuckAreTheirOwnReasons) {
  Fixture f;
  BandTally tally(f.settings, f.mapping);
  f.before.t_air_c = 10.0;
  f.before.rh_air_pct = 99.0;
  f.result.explanation.safe_states = control::kSafeHeatingFrost;
  tally.add(f.record());
  f.result.explanation.safe_states = 0;
  StepRecord r = f.record();
  r.stuck = 1u << control::index_of(control::ActuatorId::kVentLee);
  tally.add(r);
  f.result.explanation.manual_active = 1u;
  tally.add(f.record());
  EXPECT_DOUBLE_EQ(tally.t_air().out_hours_for(BandReason::kSafeState), 0.5);
  EXPECT_DOUBLE_EQ(tally.t_air().out_hours_for(BandReason::kStuckActuator), 0.5);
  EXPECT_DOUBLE_EQ(tally.t_air().out_hours_for(BandReason::kManual), 0.5);
  EXPECT_DOUBLE_EQ(tally.rh_air().out_hours_for(BandReason::kSafeState), 0.5);
  EXPECT_DOUBLE_EQ(tally.t_air().hours_equipment_can(), 0.0);
  EXPECT_DOUBLE_EQ(tally.t_air().in_band_share_where_can(), 1.0);
}

}  // namespace
}  // namespace egin::runtime

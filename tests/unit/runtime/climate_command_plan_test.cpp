// The live climate computer's command diffing: controller outputs → KS X 3267 commands, only
// those that change something, none for actuators an operator holds or the service refused.
#include "egin/runtime/climate_command_plan.hpp"

#include <gtest/gtest.h>

namespace egin::runtime {
namespace {

using control::ActuatorId;

constexpr TimeMs kT0 = 1'790'000'000'000;

ClimateActuatorWiring opener(ActuatorId output, const std::string& key, double travel_s) {
  ClimateActuatorWiring a;
  a.output = output;
  a.key = key;
  a.opener = true;
  a.travel_s = travel_s;
  return a;
}

ClimateActuatorWiring stage(ActuatorId output, const std::string& key, int stage, int stages) {
  ClimateActuatorWiring a;
  a.output = output;
  a.key = key;
  a.stage = stage;
  a.stages = stages;
  return a;
}

std::vector<std::string> names(const std::vector<PlannedCommand>& plan,
                               const std::vector<ClimateActuatorWiring>& wiring) {
  std::vector<std::string> out;
  for (const PlannedCommand& p : plan) {
    out.push_back(wiring[p.actuator].key + ":" + p.command +
                  (p.duration_s ? ":" + std::to_string(static_cast<int>(*p.duration_s)) : ""));
  }
  return out;
}

TEST(ClimateCommandPlan, StagesFollowTheDemand) {
  control::Commands c;
  const auto h1 = stage(ActuatorId::kHeating, "h1", 1, 2);
  const auto h2 = stage(ActuatorId::kHeating, "h2", 2, 2);
  c.heating_frac = 0.005;  // rounds to nothing
  EXPECT_FALSE(switch_wanted(c, h1));
  c.heating_frac = 0.3;
  EXPECT_TRUE(switch_wanted(c, h1));
  EXPECT_FALSE(switch_wanted(c, h2));
  c.heating_frac = 0.6;  // above 1/2 + 0.01
  EXPECT_TRUE(switch_wanted(c, h2));
  const auto p2 = stage(ActuatorId::kPadFan, "p2", 2, 3);
  c.pad_fan_stage = 1;
  EXPECT_FALSE(switch_wanted(c, p2));
  c.pad_fan_stage = 2;
  EXPECT_TRUE(switch_wanted(c, p2));
  c.co2_dosing_frac = 0.4;
  EXPECT_TRUE(switch_wanted(c, stage(ActuatorId::kCo2, "co2", 1, 1)));
  c.lamps_on = false;
  EXPECT_FALSE(switch_wanted(c, stage(ActuatorId::kLamps, "l", 1, 1)));
  c.screen_shade_closed_frac = 0.7;
  EXPECT_DOUBLE_EQ(opener_target(c, ActuatorId::kScreenShade), 0.7);
}

TEST(ClimateCommandPlan, SendsOnlyWhatChanges) {
  const std::vector<ClimateActuatorWiring> wiring{
      opener(ActuatorId::kVentLee, "gh1/act/opener_1", 100.0),
      stage(ActuatorId::kHeating, "gh1/act/switch_1", 1, 2),
      stage(ActuatorId::kHeating, "gh1/act/switch_2", 2, 2),
      stage(ActuatorId::kCo2, "gh1/act/switch_3", 1, 1)};
  std::vector<ActuatorDrive> drives(wiring.size());
  drives[0].estimate.travel_s = 100.0;
  control::Commands c;
  c.vent_lee_open_frac = 0.3;
  c.heating_frac = 0.2;
  // Nothing known yet: home the vent, set every switch.
  EXPECT_EQ(names(plan_climate_commands(wiring, drives, c, kT0, 0.05), wiring),
            (std::vector<std::string>{"gh1/act/opener_1:close", "gh1/act/switch_1:on",
                                      "gh1/act/switch_2:off", "gh1/act/switch_3:off"}));
  // The node confirmed them all: only the vent's run to 0.3 (30 s of 100 s) is left.
  opener_executed(drives[0].estimate, "close", 0.0, kT0);
  drives[1].commanded = true;
  drives[2].commanded = false;
  drives[3].commanded = false;
  const TimeMs later = kT0 + 200'000;
  EXPECT_EQ(names(plan_climate_commands(wiring, drives, c, later, 0.05), wiring),
            (std::vector<std::string>{"gh1/act/opener_1:timed_open:30"}));
  opener_executed(drives[0].estimate, "timed_open", 30.0, later);
  EXPECT_TRUE(plan_climate_commands(wiring, drives, c, later + 60'000, 0.05).empty());
  // Demand up: stage 2 and CO2 on.
  c.heating_frac = 0.8;
  c.co2_dosing_frac = 0.5;
  EXPECT_EQ(names(plan_climate_commands(wiring, drives, c, later + 60'000, 0.05), wiring),
            (std::vector<std::string>{"gh1/act/switch_2:on", "gh1/act/switch_3:on"}));
  // An operator holds stage 2; CO2 was refused by the service: neither is sent.
  drives[2].manual_until_ms = later + 3'600'000;
  drives[3].refused = "on";
  EXPECT_TRUE(plan_climate_commands(wiring, drives, c, later + 60'000, 0.05).empty());
  // The hold ends: stage 2 again; CO2 off wanted now: that is a different command, sent.
  c.co2_dosing_frac = 0.0;
  drives[3].commanded = true;
  EXPECT_EQ(names(plan_climate_commands(wiring, drives, c, later + 3'600'000, 0.05), wiring),
            (std::vector<std::string>{"gh1/act/switch_2:on", "gh1/act/switch_3:off"}));
}

}  // namespace
}  // namespace egin::runtime

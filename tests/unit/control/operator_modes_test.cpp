// Operator modes: overrides replace a set-point until they expire, manual modes until cleared
// or expired, and both refuse values outside their range with an InputError naming the field.
#include "egin/control/operator_modes.hpp"

#include <gtest/gtest.h>

#include "egin/core/input_error.hpp"

namespace egin::control {
namespace {

constexpr TimeMs kNow = 1'750'000'000'000;

TEST(OperatorModes, OverrideReplacesUntilItExpires) {
  OperatorState st;
  set_override(st, SetpointId::kTHeatC, 22.0, kNow, kNow + kMsPerHour);
  Setpoints sp;
  sp[SetpointId::kTHeatC] = 18.0;
  sp[SetpointId::kCo2Ppm] = 800.0;
  apply_overrides(st, sp);
  EXPECT_EQ(sp[SetpointId::kTHeatC], 22.0);
  EXPECT_EQ(sp[SetpointId::kCo2Ppm], 800.0);
  EXPECT_EQ(expire_operator_modes(st, kNow + kMsPerHour - 1).overrides, 0u);
  const Expired e = expire_operator_modes(st, kNow + kMsPerHour);
  EXPECT_EQ(e.overrides, 1u << index_of(SetpointId::kTHeatC));
  EXPECT_FALSE(st.overrides[index_of(SetpointId::kTHeatC)].active);
}

TEST(OperatorModes, RangesAreChecked) {
  OperatorState st;
  try {
    set_override(st, SetpointId::kRhMaxPct, 120.0, kNow, kNow + 1);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "rh_max_pct");
    EXPECT_EQ(e.expected(), "40 to 100 %");
  }
  EXPECT_THROW(set_override(st, SetpointId::kTHeatC, 20.0, kNow, kNow), InputError);
  EXPECT_THROW(set_manual(st, ActuatorId::kVentLee, 1.5), InputError);
  EXPECT_THROW(set_manual(st, ActuatorId::kLamps, 0.5), InputError);
  EXPECT_THROW(set_manual(st, ActuatorId::kPadFan, 7.0), InputError);
  EXPECT_NO_THROW(set_manual(st, ActuatorId::kHeating, 60.0));
  EXPECT_NO_THROW(set_manual(st, ActuatorId::kIrrigation, 0.5));
}

TEST(OperatorModes, ManualUntilClearedOrExpired) {
  OperatorState st;
  set_manual(st, ActuatorId::kVentWind, 0.3);
  set_manual(st, ActuatorId::kLamps, 1.0, kNow + kMsPerMinute);
  EXPECT_TRUE(st.manual[index_of(ActuatorId::kVentWind)].active);
  const Expired e = expire_operator_modes(st, kNow + kMsPerMinute);
  EXPECT_EQ(e.manual, 1u << index_of(ActuatorId::kLamps));
  EXPECT_TRUE(st.manual[index_of(ActuatorId::kVentWind)].active);  // no end time
  clear_manual(st, ActuatorId::kVentWind);
  EXPECT_FALSE(st.manual[index_of(ActuatorId::kVentWind)].active);
  ActuatorId id{};
  EXPECT_TRUE(actuator_from_key("screen_blackout", id));
  EXPECT_EQ(id, ActuatorId::kScreenBlackout);
}

}  // namespace
}  // namespace egin::control

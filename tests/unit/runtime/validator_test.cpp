// validate_reading: every rule, its order, the limits themselves (inclusive), and how the
// per-channel history moves (spikes are not a baseline; late readings leave it alone).
#include "egin/runtime/validator.hpp"

#include <gtest/gtest.h>

#include "egin/store/time_series_store.hpp"

namespace egin::runtime {
namespace {

constexpr TimeMs kNowMs = 1'700'000'000'000;  // 2023-11-14T22:13:20Z
constexpr TimeMs kT0 = kNowMs - kMsPerHour;

ChannelSpec air_temperature() {
  ChannelSpec spec;
  spec.id = "t_air";
  spec.quantity = "air_temperature";
  spec.unit = "Cel";
  spec.min = -40.0;
  spec.max = 60.0;
  spec.max_rate_per_min = 5.0;
  spec.stuck_minutes = 30.0;
  return spec;
}

ChannelSpec vent() {
  ChannelSpec spec;
  spec.id = "vent";
  // A std::string, not a one-character literal: GCC 12 at -O3 reports a false -Wrestrict on the
  // inlined assign of "%" (GCC bug 105329).
  spec.unit = std::string(1, '%');
  spec.kind = ChannelKind::actuator;
  spec.min = 0.0;
  spec.max = 100.0;
  return spec;
}

SenmlRecord reading(double value, TimeMs t_ms, std::string unit = "Cel") {
  SenmlRecord r;
  r.name = "gh1/node1/t_air";
  r.unit = std::move(unit);
  r.value = value;
  r.time_s = static_cast<double>(t_ms) / 1000.0;
  return r;
}

const ValidationContext kCtx{kNowMs, 300.0, 30.0};

Verdict check(const ChannelSpec& spec, const SenmlRecord& r) {
  ChannelHistory history;
  return validate_reading(spec, r, history, kCtx);
}

TEST(Validator, GoodReadingIsAcceptedUnflagged) {
  const Verdict v = check(air_temperature(), reading(21.5, kT0));
  EXPECT_TRUE(v.accepted);
  EXPECT_EQ(v.flags, 0U);
  EXPECT_EQ(v.reason_code, "");
  EXPECT_EQ(v.reason, "");
}

TEST(Validator, NoNumericValue) {
  SenmlRecord r = reading(0.0, kT0);
  r.value.reset();
  r.string_value = "21.5";
  Verdict v = check(air_temperature(), r);
  EXPECT_FALSE(v.accepted);
  EXPECT_EQ(v.reason_code, "no_value");
  EXPECT_EQ(v.reason, "no numeric value (v)");
  // A boolean is a value only for actuators.
  r.string_value.reset();
  r.bool_value = true;
  EXPECT_EQ(check(air_temperature(), r).reason_code, "no_value");
  r.unit = "";
  v = check(vent(), r);
  EXPECT_TRUE(v.accepted);
  EXPECT_EQ(reading_value(vent(), r), 1.0);
  r.bool_value = false;
  EXPECT_EQ(reading_value(vent(), r), 0.0);
  r.bool_value.reset();
  EXPECT_EQ(check(vent(), r).reason, "no numeric value (v) or boolean (vb)");
  // v wins over vb when a (hand-made) record has both.
  r.value = 40.0;
  r.bool_value = true;
  EXPECT_EQ(reading_value(vent(), r), 40.0);
}

TEST(Validator, UnitMustBeTheChannelsWhenGiven) {
  EXPECT_TRUE(check(air_temperature(), reading(21.5, kT0, "")).accepted);
  EXPECT_TRUE(check(air_temperature(), reading(21.5, kT0, "Cel")).accepted);
  const Verdict v = check(air_temperature(), reading(70.7, kT0, "degF"));
  EXPECT_FALSE(v.accepted);
  EXPECT_EQ(v.reason_code, "unit_mismatch");
  EXPECT_EQ(v.reason, "unit degF is not the channel's unit Cel");
}

TEST(Validator, RangeIsInclusive) {
  EXPECT_TRUE(check(air_temperature(), reading(-40.0, kT0)).accepted);
  EXPECT_TRUE(check(air_temperature(), reading(60.0, kT0)).accepted);
  EXPECT_EQ(check(air_temperature(), reading(60.000001, kT0)).reason_code, "out_of_range");
  EXPECT_EQ(check(air_temperature(), reading(-40.000001, kT0)).reason_code, "out_of_range");
  const Verdict v = check(air_temperature(), reading(130.0, kT0));
  EXPECT_FALSE(v.accepted);
  EXPECT_EQ(v.reason, "130 outside -40 to 60 Cel");
}

TEST(Validator, FutureToleranceIsInclusive) {
  EXPECT_TRUE(check(air_temperature(), reading(20.0, kNowMs + 300'000)).accepted);
  const Verdict v = check(air_temperature(), reading(20.0, kNowMs + 300'001));
  EXPECT_FALSE(v.accepted);
  EXPECT_EQ(v.reason_code, "future_time");
  EXPECT_EQ(v.reason,
            "time 2023-11-14T22:18:20.001Z is later than now (2023-11-14T22:13:20Z) + 300 s");
  SenmlRecord far = reading(20.0, kNowMs);
  far.time_s = 1e300;  // beyond TimeMs
  EXPECT_EQ(check(air_temperature(), far).reason_code, "future_time");
}

TEST(Validator, MaxAgeIsInclusive) {
  const TimeMs oldest = kNowMs - 30 * kMsPerDay;
  EXPECT_TRUE(check(air_temperature(), reading(20.0, oldest)).accepted);
  const Verdict v = check(air_temperature(), reading(20.0, oldest - 1));
  EXPECT_FALSE(v.accepted);
  EXPECT_EQ(v.reason_code, "too_old");
  EXPECT_EQ(v.reason,
            "time 2023-10-15T22:13:19.999Z is more than 30 days before now (2023-11-14T22:13:20Z)");
  SenmlRecord ancient = reading(20.0, kNowMs);
  ancient.time_s = -1e300;
  EXPECT_EQ(check(air_temperature(), ancient).reason_code, "too_old");
}

TEST(Validator, RulesApplyInOrder) {
  // Wrong unit and out of range and in the future: the unit is named first.
  EXPECT_EQ(check(air_temperature(), reading(500.0, kNowMs + kMsPerDay, "K")).reason_code,
            "unit_mismatch");
  EXPECT_EQ(check(air_temperature(), reading(500.0, kNowMs + kMsPerDay)).reason_code,
            "out_of_range");
  EXPECT_EQ(check(air_temperature(), reading(20.0, kNowMs + kMsPerDay)).reason_code, "future_time");
}

TEST(Validator, FirstReadingSetsTheHistory) {
  ChannelHistory h;
  EXPECT_TRUE(validate_reading(air_temperature(), reading(20.0, kT0), h, kCtx).accepted);
  EXPECT_EQ(h.last_t_ms, kT0);
  EXPECT_EQ(h.last_value, 20.0);
  EXPECT_EQ(h.flat_since_ms, kT0);
}

TEST(Validator, RejectedReadingsLeaveTheHistoryAlone) {
  ChannelHistory h;
  (void)validate_reading(air_temperature(), reading(20.0, kT0), h, kCtx);
  EXPECT_FALSE(
      validate_reading(air_temperature(), reading(99.0, kT0 + kMsPerMinute), h, kCtx).accepted);
  EXPECT_EQ(h.last_t_ms, kT0);
  EXPECT_EQ(h.last_value, 20.0);
}

TEST(Validator, SpikeAboveTheRateIsFlaggedAndIsNotTheNewBaseline) {
  const ChannelSpec spec = air_temperature();  // 5 Cel/min
  ChannelHistory h;
  (void)validate_reading(spec, reading(20.0, kT0), h, kCtx);
  // Exactly at the limit: 5 Cel in 1 min.
  Verdict v = validate_reading(spec, reading(25.0, kT0 + kMsPerMinute), h, kCtx);
  EXPECT_TRUE(v.accepted);
  EXPECT_EQ(v.flags, 0U);
  EXPECT_EQ(h.last_value, 25.0);
  // 5.5 Cel in 30 s = 11 Cel/min: flagged, kept, not the baseline.
  v = validate_reading(spec, reading(30.5, kT0 + kMsPerMinute + 30'000), h, kCtx);
  EXPECT_TRUE(v.accepted);
  EXPECT_EQ(v.flags, static_cast<std::uint32_t>(store::kFlagSpike));
  EXPECT_EQ(v.reason_code, "spike");
  EXPECT_EQ(v.reason, "changed 5.5 Cel in 0.5 min: 11 Cel/min above the limit 5 Cel/min");
  EXPECT_EQ(h.last_value, 25.0);
  EXPECT_EQ(h.last_t_ms, kT0 + kMsPerMinute);
  // The next good value is compared with 25 (the baseline), not with the outlier 30.5.
  v = validate_reading(spec, reading(25.5, kT0 + 2 * kMsPerMinute), h, kCtx);
  EXPECT_EQ(v.flags, 0U);
  EXPECT_EQ(h.last_value, 25.5);
}

TEST(Validator, RealStepIsFlaggedOnlyUntilItFitsTheRate) {
  const ChannelSpec spec = air_temperature();
  ChannelHistory h;
  (void)validate_reading(spec, reading(20.0, kT0), h, kCtx);
  // Heating switched on: 20 → 30 Cel, sampled every minute.
  EXPECT_EQ(validate_reading(spec, reading(30.0, kT0 + kMsPerMinute), h, kCtx).flags,
            static_cast<std::uint32_t>(store::kFlagSpike));
  // 10 Cel over 2 min = 5 Cel/min: at the limit, accepted and the new baseline.
  EXPECT_EQ(validate_reading(spec, reading(30.0, kT0 + 2 * kMsPerMinute), h, kCtx).flags, 0U);
  EXPECT_EQ(h.last_value, 30.0);
  EXPECT_EQ(validate_reading(spec, reading(30.2, kT0 + 3 * kMsPerMinute), h, kCtx).flags, 0U);
}

TEST(Validator, StuckAfterMoreThanTheLimitOfEqualValues) {
  const ChannelSpec spec = air_temperature();  // 30 min
  ChannelHistory h;
  for (int minute = 0; minute <= 30; ++minute) {
    const Verdict v = validate_reading(spec, reading(21.5, kT0 + minute * kMsPerMinute), h, kCtx);
    EXPECT_EQ(v.flags, 0U) << minute;  // flat for 30 min exactly: not yet
  }
  Verdict v = validate_reading(spec, reading(21.5, kT0 + 31 * kMsPerMinute), h, kCtx);
  EXPECT_TRUE(v.accepted);
  EXPECT_EQ(v.flags, static_cast<std::uint32_t>(store::kFlagStuck));
  EXPECT_EQ(v.reason_code, "stuck");
  EXPECT_EQ(v.reason, "unchanged at 21.5 Cel for 31 min (limit 30 min)");
  EXPECT_EQ(h.flat_since_ms, kT0);
  EXPECT_EQ(h.last_t_ms, kT0 + 31 * kMsPerMinute);  // stuck readings still move the history
  // Any change ends the run.
  v = validate_reading(spec, reading(21.6, kT0 + 32 * kMsPerMinute), h, kCtx);
  EXPECT_EQ(v.flags, 0U);
  EXPECT_EQ(h.flat_since_ms, kT0 + 32 * kMsPerMinute);
  v = validate_reading(spec, reading(21.6, kT0 + 33 * kMsPerMinute), h, kCtx);
  EXPECT_EQ(v.flags, 0U);
}

TEST(Validator, LateAndRepeatedReadingsAreAcceptedWithoutChecksOrHistory) {
  const ChannelSpec spec = air_temperature();
  ChannelHistory h;
  (void)validate_reading(spec, reading(20.0, kT0), h, kCtx);
  // 40 Cel a minute earlier would be a spike if checked; it is late, so it is only stored.
  Verdict v = validate_reading(spec, reading(40.0, kT0 - kMsPerMinute), h, kCtx);
  EXPECT_TRUE(v.accepted);
  EXPECT_EQ(v.flags, 0U);
  v = validate_reading(spec, reading(40.0, kT0), h, kCtx);  // same time
  EXPECT_TRUE(v.accepted);
  EXPECT_EQ(v.flags, 0U);
  EXPECT_EQ(h.last_t_ms, kT0);
  EXPECT_EQ(h.last_value, 20.0);
}

TEST(Validator, NoLimitsNoFlags) {
  const ChannelSpec spec = vent();  // no max_rate_per_min, no stuck_minutes
  const TimeMs kStart = kNowMs - 3 * kMsPerHour;
  ChannelHistory h;
  for (int minute = 0; minute < 120; ++minute) {
    const double value = minute % 2 == 0 ? 0.0 : 100.0;
    const Verdict v =
        validate_reading(spec, reading(value, kStart + minute * kMsPerMinute, "%"), h, kCtx);
    EXPECT_TRUE(v.accepted);
    EXPECT_EQ(v.flags, 0U);
  }
  ChannelHistory flat;
  for (int minute = 0; minute < 120; ++minute) {
    EXPECT_EQ(validate_reading(spec, reading(50.0, kStart + minute * kMsPerMinute, "%"), flat, kCtx)
                  .flags,
              0U);
  }
}

TEST(Validator, ReadingTimeRoundsToTheMillisecond) {
  SenmlRecord r;
  r.time_s = 1700000000.0004;
  EXPECT_EQ(reading_time_ms(r), 1'700'000'000'000);
  r.time_s = 1700000000.0006;
  EXPECT_EQ(reading_time_ms(r), 1'700'000'000'001);
  r.time_s = 1e17;
  EXPECT_FALSE(reading_time_ms(r));
}

}  // namespace
}  // namespace egin::runtime

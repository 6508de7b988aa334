// Irrigation sources: recorded events answer on their dates only, in order, and rewind.
#include "egin/fieldwater/irrigation_source.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "egin/fieldwater/water_balance.hpp"

namespace egin::fieldwater {
namespace {

Date d(const char* text) { return *Date::parse(text); }

IrrigationDecision ask(IrrigationSource& source, Date date) {
  const WaterBalanceParameters p;
  const WaterBalanceOptions o;
  const WaterBalanceState s;
  DayInputs day;
  day.date = date;
  return source.irrigation_for({s, day, p, o});
}

TEST(RecordedIrrigation, AnswersOnEventDaysOnly) {
  RecordedIrrigation r(
      {{d("2013-115"), 33.0, 0.5, 100.0, 1}, {d("2013-120"), 108.0, 0.2, 80.0, 2}});
  double total = 0.0;
  for (Date day = d("2013-110"); day <= d("2013-125"); ++day) {
    const IrrigationDecision x = ask(r, day);
    total += x.depth_mm;
    if (day == d("2013-115")) {
      EXPECT_DOUBLE_EQ(x.depth_mm, 33.0);
      EXPECT_DOUBLE_EQ(x.fw, 0.5);
    } else if (day == d("2013-120")) {
      EXPECT_DOUBLE_EQ(x.efficiency_pct, 80.0);
      EXPECT_DOUBLE_EQ(x.fw, 0.2);
    } else {
      EXPECT_DOUBLE_EQ(x.depth_mm, 0.0);
      EXPECT_TRUE(std::isnan(x.fw));  // keeps the current fw
    }
  }
  EXPECT_DOUBLE_EQ(total, 141.0);
}

TEST(RecordedIrrigation, RunsASecondSeasonFromTheStart) {
  RecordedIrrigation r({{d("2013-115"), 33.0, 0.5, 100.0, 1}});
  EXPECT_DOUBLE_EQ(ask(r, d("2013-115")).depth_mm, 33.0);
  EXPECT_DOUBLE_EQ(ask(r, d("2013-116")).depth_mm, 0.0);
  EXPECT_DOUBLE_EQ(ask(r, d("2013-115")).depth_mm, 33.0);  // asked again: rewinds
  r.rewind();
  EXPECT_DOUBLE_EQ(ask(r, d("2013-115")).depth_mm, 33.0);
}

TEST(RecordedIrrigation, RejectsUnorderedEvents) {
  EXPECT_THROW(RecordedIrrigation(
                   {{d("2013-120"), 1.0, 1.0, 100.0, 1}, {d("2013-115"), 1.0, 1.0, 100.0, 2}}),
               std::invalid_argument);
}

TEST(NoIrrigation, NeverIrrigates) {
  NoIrrigation n;
  EXPECT_DOUBLE_EQ(ask(n, d("2013-115")).depth_mm, 0.0);
}

}  // namespace
}  // namespace egin::fieldwater

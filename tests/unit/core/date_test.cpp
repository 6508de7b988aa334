#include "egin/core/date.hpp"

#include <gtest/gtest.h>

namespace egin {
namespace {

TEST(Date, DayOfYearMatchesFao56Examples) {
  // FAO-56 Ch. 3 Ex. 8 uses 3 September = day 246; Ex. 18 uses 6 July = day 187.
  EXPECT_EQ(Date(2015, 9, 3).day_of_year(), 246);
  EXPECT_EQ(Date(2015, 7, 6).day_of_year(), 187);
  EXPECT_EQ(Date(2016, 12, 31).day_of_year(), 366);
  EXPECT_EQ(Date(2015, 12, 31).day_of_year(), 365);
}

TEST(Date, ParsesIsoAndYearDoy) {
  EXPECT_EQ(Date::parse("2013-04-23"), Date(2013, 4, 23));
  EXPECT_EQ(Date::parse("2013-113"), Date(2013, 4, 23));
  EXPECT_EQ(Date::parse("2016-366"), Date(2016, 12, 31));
  EXPECT_FALSE(Date::parse("2015-366").has_value());
  EXPECT_FALSE(Date::parse("2015-02-29").has_value());
  EXPECT_FALSE(Date::parse("2015-13-01").has_value());
  EXPECT_FALSE(Date::parse("2015-1-01").has_value());
  EXPECT_FALSE(Date::parse("20150101").has_value());
  EXPECT_FALSE(Date::parse("").has_value());
  EXPECT_FALSE(Date::parse("2015-000").has_value());
  EXPECT_FALSE(Date::parse("2015-0a-01").has_value());
}

TEST(Date, FormatsBothForms) {
  EXPECT_EQ(Date(2013, 4, 23).iso(), "2013-04-23");
  EXPECT_EQ(Date(2013, 4, 23).year_doy(), "2013-113");
  EXPECT_EQ(Date(1969, 12, 31).iso(), "1969-12-31");
}

TEST(Date, ArithmeticAndWeekday) {
  const Date d(2013, 4, 23);
  EXPECT_EQ((d + 9).iso(), "2013-05-02");
  EXPECT_EQ((d - 113).iso(), "2012-12-31");
  EXPECT_EQ(Date(2013, 11, 8) - d, 199);
  EXPECT_EQ(d.iso_weekday_index(), 1);  // 23 April 2013 was a Tuesday (pyfao56 prints "Tue")
  EXPECT_EQ(Date(1970, 1, 1).iso_weekday_index(), 3);
  EXPECT_EQ(Date(1969, 12, 29).iso_weekday_index(), 0);
}

TEST(Date, RejectsImpossibleDays) {
  EXPECT_THROW(Date(2015, 2, 29), std::invalid_argument);
  EXPECT_THROW(Date::from_year_doy(2015, 0), std::invalid_argument);
  EXPECT_THROW(Date::from_year_doy(2015, 366), std::invalid_argument);
}

}  // namespace
}  // namespace egin

// Missing ETref filled with ASCE ETos and the simple Rso, as pyfao56 does. The cotton 2013 .wth
// ETref column was computed with ea from RHmax and RHmin (tests/reference/et0_pyfao56_test.cpp):
// with Tdew blanked too, the fill reproduces it.
#include "egin/fieldwater/reference_et.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "egin/agromet/et0.hpp"
#include "egin/core/input_error.hpp"
#include "egin/fieldwater/pyfao56_weather.hpp"

namespace egin::fieldwater {
namespace {

const std::string kWth =
    std::string(EGIN_SOURCE_DIR) + "/tests/reference/data/pyfao56/test01_cotton2013/cotton2013.wth";

TEST(ReferenceEt, ReproducesTheEtrefColumnOfCotton2013) {
  const pyfao56::WeatherFile file = pyfao56::read_weather(kWth);
  agromet::DailyWeatherSeries blanked = file.series;
  for (auto& d : blanked.days) {
    d.et0_mm = agromet::kMissing;
    d.tdew_c = agromet::kMissing;  // ea from RHmax and RHmin, as the file's column was made
  }
  const ReferenceEtFill fill = fill_missing_reference_et(blanked, file.reference);
  EXPECT_EQ(fill.days_filled, 365);
  EXPECT_EQ(fill.days_not_computable, 0);
  EXPECT_EQ(fill.flags, agromet::kFlagEaFromRhMaxMin);
  double max_diff = 0.0;
  for (std::size_t i = 0; i < blanked.days.size(); ++i) {
    max_diff = std::max(max_diff, std::abs(blanked.days[i].et0_mm - file.series.days[i].et0_mm));
  }
  EXPECT_LE(max_diff, 0.011);  // the file prints 2 decimals
}

TEST(ReferenceEt, LeavesGivenValuesAndNeedsNoSiteWhenNothingIsMissing) {
  agromet::DailyWeatherSeries w;
  agromet::DailyWeather d;
  d.date = *Date::parse("2024-06-01");
  d.et0_mm = 6.5;
  w.days.push_back(d);
  EXPECT_EQ(fill_missing_reference_et(w, ReferenceCrop::kShort).days_filled, 0);  // no latitude
  EXPECT_DOUBLE_EQ(w.days[0].et0_mm, 6.5);
  w.days[0].et0_mm = agromet::kMissing;
  w.source = "w.csv";
  EXPECT_THROW((void)fill_missing_reference_et(w, ReferenceCrop::kShort), InputError);
}

}  // namespace
}  // namespace egin::fieldwater

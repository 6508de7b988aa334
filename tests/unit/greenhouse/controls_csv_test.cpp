// Controls files (controls_csv.hpp): hold and linear interpolation, empty cells, and errors.
#include "egin/greenhouse/controls_csv.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "egin/agromet/csv_iso_time.hpp"
#include "egin/core/input_error.hpp"

namespace egin::greenhouse {
namespace {

double t(const char* iso) { return static_cast<double>(agromet::parse_iso_time(iso)->utc_s); }

TEST(ControlsCsv, HoldIsTheDefault) {
  const ControlsSeries s = ControlsSeries::parse(
      "time,boiler_frac,roof_vent_frac,t_pipe_c\n"
      "2025-01-01T00:00+05:00,1,0,60\n"
      "2025-01-01T00:10+05:00,0.5,,\n"
      "2025-01-01T00:20+05:00,0,0.2,50\n",
      "c.csv");
  EXPECT_EQ(s.interpolation(), ControlsInterpolation::kHold);
  EXPECT_EQ(s.size(), 3U);
  EXPECT_DOUBLE_EQ(s.at(t("2025-01-01T00:05+05:00")).boiler_frac, 1.0);
  EXPECT_DOUBLE_EQ(s.at(t("2025-01-01T00:15+05:00")).boiler_frac, 0.5);
  EXPECT_DOUBLE_EQ(s.at(t("2025-01-01T00:15+05:00")).t_pipe_set_c, 60.0);  // empty: kept
  EXPECT_DOUBLE_EQ(s.at(t("2025-01-01T01:00+05:00")).roof_vent_frac, 0.2);
  EXPECT_DOUBLE_EQ(s.at(t("2025-01-01T00:15+05:00")).lamp_frac, 0.0);  // column absent: 0
  EXPECT_TRUE(std::isnan(ControlsSeries::parse("time,lamp_frac\n2025-01-01T00:00Z,1\n", "c.csv")
                             .at(0.0)
                             .t_pipe_set_c));
}

TEST(ControlsCsv, LinearInterpolation) {
  const ControlsSeries s = ControlsSeries::parse(
      "# interpolation: linear\ntime,boiler_frac\n2025-01-01T00:00Z,0\n2025-01-01T00:10Z,1\n",
      "c.csv");
  EXPECT_DOUBLE_EQ(s.at(t("2025-01-01T00:05Z")).boiler_frac, 0.5);
  EXPECT_DOUBLE_EQ(s.at(t("2025-01-01T00:02Z")).boiler_frac, 0.2);
}

TEST(ControlsCsv, BadFilesNameLineAndColumn) {
  auto message = [](const std::string& text) {
    try {
      (void)ControlsSeries::parse(text, "c.csv");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  EXPECT_EQ(
      message("time,boiler_frac\n2025-01-01T00:00Z,1.5\n"),
      "c.csv:2: field 'boiler_frac': value 1.5 is out of range (expected 0 to 1 (share, 0 to 1))");
  EXPECT_NE(
      message("time,boiler\n2025-01-01T00:00Z,1\n").find("c.csv:1: field 'boiler': unknown column"),
      std::string::npos);
  EXPECT_NE(message("boiler_frac\n1\n").find("no time column"), std::string::npos);
  EXPECT_NE(message("time,boiler_frac\n2025-01-01,1\n").find("c.csv:2: field 'time'"),
            std::string::npos);
  EXPECT_NE(message("time,boiler_frac\n2025-01-01T00:10Z,1\n2025-01-01T00:05Z,1\n").find("c.csv:3"),
            std::string::npos);
  EXPECT_NE(message("time,boiler_frac\n2025-01-01T00:00Z,x\n").find("not a number"),
            std::string::npos);
  EXPECT_NE(message("# interpolation: cubic\ntime,boiler_frac\n").find("hold or linear"),
            std::string::npos);
  EXPECT_NE(message("time,boiler_frac\n").find("no rows"), std::string::npos);
}

}  // namespace
}  // namespace egin::greenhouse

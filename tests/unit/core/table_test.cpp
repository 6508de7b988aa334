#include "egin/core/table.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>

namespace egin {
namespace {

Table sample() {
  Table t({{"date", 0}, {"et0_mm", 2}, {"flag", 0}});
  t.add_row({std::string("2015-07-01"), 7.94223, std::string("")});
  t.add_row({std::string("2015-07-02"), Table::Cell{}, std::string("rs_from_temperature,\"x\"")});
  t.add_row({std::string("2015-07-03"), std::numeric_limits<double>::quiet_NaN(), std::string("")});
  t.add_row({std::string("2015-07-04"), -0.0001, std::string("")});
  return t;
}

TEST(Table, CsvRoundsQuotesAndLeavesMissingEmpty) {
  std::ostringstream out;
  sample().write_csv(out);
  EXPECT_EQ(out.str(),
            "date,et0_mm,flag\n"
            "2015-07-01,7.94,\n"
            "2015-07-02,,\"rs_from_temperature,\"\"x\"\"\"\n"
            "2015-07-03,,\n"
            "2015-07-04,0.00,\n");
}

TEST(Table, JsonUsesNullForMissingAndRoundsNumbers) {
  std::ostringstream out;
  sample().write_json(out);
  const std::string s = out.str();
  EXPECT_NE(s.find("\"et0_mm\": 7.94"), std::string::npos);
  EXPECT_NE(s.find("\"et0_mm\": null"), std::string::npos);
  EXPECT_EQ(s.find("NaN"), std::string::npos);
}

TEST(Table, TextAlignsColumns) {
  Table t({{"a", 1}, {"name", 0}});
  t.add_row({1.25, std::string("x")});
  t.add_row({10.0, std::string("longer")});
  std::ostringstream out;
  t.write_text(out);
  EXPECT_EQ(out.str(),
            "   a  name  \n"
            " 1.2  x     \n"
            "10.0  longer\n");
}

TEST(Table, RejectsRowOfWrongWidth) {
  Table t({{"a", 1}});
  EXPECT_THROW(t.add_row({1.0, 2.0}), std::invalid_argument);
}

TEST(Table, ParsesFormatNames) {
  EXPECT_EQ(parse_output_format("csv"), OutputFormat::kCsv);
  EXPECT_EQ(parse_output_format("json"), OutputFormat::kJson);
  EXPECT_EQ(parse_output_format("table"), OutputFormat::kTable);
  EXPECT_FALSE(parse_output_format("xml").has_value());
}

}  // namespace
}  // namespace egin

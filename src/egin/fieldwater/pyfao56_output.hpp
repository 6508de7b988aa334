// Reading pyfao56 results — daily output (.out: header block, a column header starting
// "Year-DOY", one row per day) and seasonal summary (.sum: "value : name" lines) — so egin's
// results can be compared with pyfao56's column by column (reference tests, comparisons).
// Calendar columns (Year, DOY, DOW, Date) are dropped; every other column is kept by its name.
// A bad line throws egin::InputError naming file, line and column. Reads only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "egin/core/date.hpp"

namespace egin::fieldwater::pyfao56 {

struct OutputFile {
  std::vector<std::string> columns;         // numeric columns in file order
  std::vector<Date> dates;                  // one per row
  std::vector<std::vector<double>> values;  // values[column][row]

  /// The column named `name`, or nullptr.
  [[nodiscard]] const std::vector<double>* column(std::string_view name) const;
};

struct SummaryFile {
  std::vector<std::pair<std::string, double>> totals;  // in file order
  [[nodiscard]] std::optional<double> find(std::string_view name) const;
};

[[nodiscard]] OutputFile parse_output(std::string_view text, const std::string& source);
[[nodiscard]] OutputFile read_output(const std::string& path);
[[nodiscard]] SummaryFile parse_summary(std::string_view text, const std::string& source);
[[nodiscard]] SummaryFile read_summary(const std::string& path);

}  // namespace egin::fieldwater::pyfao56

// Controls time series files (docs/formats/controls-csv.md): recorded or planned actuator
// positions, replayed into the twin. A header row names the columns — `time` (ISO 8601 with its
// offset, as weather files) and any of the Controls fields (boiler_frac … forced_vent_frac, shares
// 0–1) and t_pipe_c / t_grow_pipe_c (imposed pipe temperatures, °C) — and an optional
// `# interpolation: hold|linear` comment before the header says how values apply between rows
// (hold: each row from its time to the next, the default; linear: interpolated). An empty cell
// keeps the column's previous value; a column not in the file is 0 (pipe temperatures: not
// imposed). Bad content throws InputError naming file, line, column and range.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "egin/greenhouse/controls.hpp"

namespace egin::greenhouse {

enum class ControlsInterpolation { kHold, kLinear };

class ControlsSeries final {
 public:
  [[nodiscard]] static ControlsSeries parse(std::string_view text, const std::string& source);
  [[nodiscard]] static ControlsSeries read(const std::string& path);

  /// The controls at `t_utc_s` (held before the first and after the last row).
  [[nodiscard]] Controls at(double t_utc_s) const;

  [[nodiscard]] std::size_t size() const { return time_s_.size(); }
  [[nodiscard]] double first_utc_s() const { return time_s_.front(); }
  [[nodiscard]] double last_utc_s() const { return time_s_.back(); }
  [[nodiscard]] ControlsInterpolation interpolation() const { return interpolation_; }
  [[nodiscard]] const std::vector<std::string>& columns() const { return columns_; }

 private:
  std::vector<double> time_s_;
  std::vector<Controls> rows_;
  std::vector<std::string> columns_;
  ControlsInterpolation interpolation_ = ControlsInterpolation::kHold;
};

}  // namespace egin::greenhouse

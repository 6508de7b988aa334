#include "egin/agromet/csv_number.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

namespace egin::agromet {
namespace {

bool is_nan_text(std::string_view cell) {
  return cell.size() == 3 && (cell[0] == 'n' || cell[0] == 'N') &&
         (cell[1] == 'a' || cell[1] == 'A') && (cell[2] == 'n' || cell[2] == 'N');
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

CsvNumber parse_csv_number(std::string_view cell) {
  if (cell.empty() || is_nan_text(cell)) {
    return {CsvNumberStatus::kAbsent, 0.0};
  }
  std::string_view body = cell;
  std::string_view digits = cell;  // what follows the sign
  if (body.front() == '+') {
    body.remove_prefix(1);  // from_chars takes no '+'
    digits = body;
  } else if (body.front() == '-') {
    digits.remove_prefix(1);
  }
  // from_chars also takes "inf", "nan(...)" and "infinity"; only plain decimals are numbers here.
  if (digits.empty() || !(is_digit(digits.front()) || digits.front() == '.')) {
    return {};
  }
  double value = 0.0;
  const char* const end = body.data() + body.size();
  const auto [ptr, ec] = std::from_chars(body.data(), end, value, std::chars_format::general);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
    return {};
  }
  return {CsvNumberStatus::kValue, value};
}

}  // namespace egin::agromet

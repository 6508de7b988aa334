// Reading one numeric cell of a CSV file: a decimal number (std::from_chars, no locale), an empty
// cell or "NaN" for a missing value, anything else rejected. It checks no physical range; the
// readers that know the column do.
#pragma once

#include <string_view>

namespace egin::agromet {

enum class CsvNumberStatus {
  kValue,    // a finite number
  kAbsent,   // empty cell, or NaN in any letter case
  kInvalid,  // not a number, trailing text ("12.3abc"), infinity, or beyond double's range
};

struct CsvNumber {
  CsvNumberStatus status = CsvNumberStatus::kInvalid;
  double value = 0.0;  // set when status is kValue
};

/// Parses `cell` (already trimmed of blanks): an optional sign ('+' or '-'), digits with an
/// optional '.' and an optional exponent ("1.5e3"). No thousands separators, no decimal comma.
CsvNumber parse_csv_number(std::string_view cell);

}  // namespace egin::agromet

// The shared shape of pyfao56's fixed-width text files (.par, .wth, .irr, .upd, .out, .sum): a
// header block of asterisk rows around the program's title, the file kind ("Weather Data"…) and a
// timestamp, an optional "Comments:" block closed by another asterisk row, then the body. Also
// the token readers every pyfao56 reader uses (numbers with ranges, "NaN" as missing, Year-DOY
// dates), each failing with egin::InputError naming file, line and field. Knows no file's body
// layout (the pyfao56_<kind> readers do).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "egin/core/date.hpp"
#include "egin/core/input_error.hpp"

namespace egin::fieldwater::pyfao56 {

struct TextLine {
  std::string_view text;  // without the line break
  int number = 0;         // 1-based
};

struct Document {
  std::string kind;            // e.g. "Parameter Data"
  std::string comment;         // after "Comments:", trimmed; empty if none
  std::vector<TextLine> body;  // every line after the header block, blank ones included
};

/// Splits `text` into the header block and the body; checks that the header names
/// `expected_kind`. Throws InputError (file `source`) if the header block is malformed.
/// The returned views point into `text`.
[[nodiscard]] Document split_document(std::string_view text, const std::string& source,
                                      std::string_view expected_kind);

/// Whitespace-separated fields of a line.
[[nodiscard]] std::vector<std::string_view> split_fields(std::string_view line);

[[nodiscard]] std::string_view trim(std::string_view s);

/// What a number field accepts.
struct NumberRule {
  double min;
  double max;
  const char* unit;  // for messages, "" if none
  bool allow_nan;    // "NaN" means missing
};

/// Parses one number token; throws InputError at `where` with the rule's range if it is not a
/// finite number within the range (or NaN when allowed).
[[nodiscard]] double parse_number(std::string_view token, const InputLocation& where,
                                  const NumberRule& rule);

/// Parses an integer token in [min, max].
[[nodiscard]] int parse_integer(std::string_view token, const InputLocation& where, int min,
                                int max, const char* unit);

/// Parses a "YYYY-DOY" date.
[[nodiscard]] Date parse_year_doy(std::string_view token, const InputLocation& where);

/// Reads a whole file into a string; throws InputError naming `path` if it cannot be read.
[[nodiscard]] std::string read_text_file(const std::string& path);

}  // namespace egin::fieldwater::pyfao56

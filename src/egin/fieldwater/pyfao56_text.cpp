#include "egin/fieldwater/pyfao56_text.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

namespace egin::fieldwater::pyfao56 {

namespace {

bool is_asterisk_row(std::string_view line) {
  line = trim(line);
  return line.size() >= 10 && line.find_first_not_of('*') == std::string_view::npos;
}

std::vector<TextLine> split_lines(std::string_view text) {
  std::vector<TextLine> lines;
  int number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    lines.push_back({line, ++number});
    pos = end + 1;
  }
  return lines;
}

std::string printable(std::string_view token) {
  std::string out;
  for (const char c : token.substr(0, 40)) {
    const auto u = static_cast<unsigned char>(c);
    out += (u >= 0x20 && u < 0x7f) ? c : '?';
  }
  if (token.size() > 40) {
    out += "…";
  }
  return out;
}

}  // namespace

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t pos = 0;
  while (pos < line.size()) {
    const std::size_t start = line.find_first_not_of(" \t\r", pos);
    if (start == std::string_view::npos) {
      break;
    }
    std::size_t end = line.find_first_of(" \t\r", start);
    if (end == std::string_view::npos) {
      end = line.size();
    }
    fields.push_back(line.substr(start, end - start));
    pos = end;
  }
  return fields;
}

Document split_document(std::string_view text, const std::string& source,
                        std::string_view expected_kind) {
  const std::vector<TextLine> lines = split_lines(text);
  const std::string expected_header = fmt::format(
      "a pyfao56 '{}' file: a row of asterisks, the title lines, another row of "
      "asterisks",
      expected_kind);
  if (lines.empty() || !is_asterisk_row(lines[0].text)) {
    throw InputError({source, 1, "header"}, "the first line is not a row of asterisks",
                     expected_header);
  }
  Document doc;
  std::size_t k = 1;
  bool kind_found = false;
  std::string other_kind;
  for (; k < lines.size() && !is_asterisk_row(lines[k].text); ++k) {
    const std::string_view t = trim(lines[k].text);
    if (t == expected_kind) {
      kind_found = true;
    } else if (t.ends_with(" Data") || t.ends_with("Summary")) {
      other_kind = std::string(t);
    }
  }
  if (k == lines.size()) {
    throw InputError({source, static_cast<int>(lines.size()), "header"},
                     "the header block never ends", expected_header);
  }
  if (!kind_found) {
    throw InputError({source, 2, "header"},
                     other_kind.empty() ? fmt::format("the header does not say '{}'", expected_kind)
                                        : fmt::format("this is a '{}' file", printable(other_kind)),
                     fmt::format("a pyfao56 '{}' file", expected_kind));
  }
  ++k;  // past the second asterisk row
  if (k < lines.size() && trim(lines[k].text).starts_with("Comments:")) {
    std::string comment;
    for (; k < lines.size() && !is_asterisk_row(lines[k].text); ++k) {
      std::string_view t = trim(lines[k].text);
      if (t.starts_with("Comments:")) {
        t = trim(t.substr(9));
      }
      if (!comment.empty() && !t.empty()) {
        comment += ' ';
      }
      comment += t;
    }
    if (k == lines.size()) {
      throw InputError({source, static_cast<int>(lines.size()), "Comments"},
                       "the comment block is not closed",
                       "a row of asterisks after the comment lines");
    }
    doc.comment = comment;
    ++k;
  }
  doc.kind = std::string(expected_kind);
  doc.body.assign(lines.begin() + static_cast<std::ptrdiff_t>(k), lines.end());
  return doc;
}

double parse_number(std::string_view token, const InputLocation& where, const NumberRule& rule) {
  const std::string unit = *rule.unit != '\0' ? fmt::format(" {}", rule.unit) : "";
  const std::string expected = fmt::format("a number {} to {}{}{}", rule.min, rule.max, unit,
                                           rule.allow_nan ? ", or NaN if missing" : "");
  if (token == "NaN" || token == "nan" || token == "NAN") {
    if (rule.allow_nan) {
      return std::numeric_limits<double>::quiet_NaN();
    }
    throw InputError(where, "value is missing (NaN)", expected);
  }
  double value = 0.0;
  const char* first = token.data();
  const char* last = token.data() + token.size();
  if (!token.empty() && *first == '+') {
    ++first;
  }
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (token.empty() || ec != std::errc() || ptr != last || !std::isfinite(value)) {
    throw InputError(where, fmt::format("'{}' is not a number", printable(token)), expected);
  }
  if (!(value >= rule.min && value <= rule.max)) {
    throw InputError(where, fmt::format("value {} is out of range", value), expected);
  }
  return value;
}

int parse_integer(std::string_view token, const InputLocation& where, int min, int max,
                  const char* unit) {
  const std::string u = *unit != '\0' ? fmt::format(" {}", unit) : "";
  const std::string expected = fmt::format("an integer {} to {}{}", min, max, u);
  int value = 0;
  const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (token.empty() || ec != std::errc() || ptr != token.data() + token.size()) {
    throw InputError(where, fmt::format("'{}' is not an integer", printable(token)), expected);
  }
  if (value < min || value > max) {
    throw InputError(where, fmt::format("value {} is out of range", value), expected);
  }
  return value;
}

Date parse_year_doy(std::string_view token, const InputLocation& where) {
  // Exactly YYYY-DOY: four digits, a dash, three digits.
  const bool shape = token.size() == 8 && token[4] == '-' &&
                     token.find_first_not_of("0123456789", 0) == 4 &&
                     token.substr(5).find_first_not_of("0123456789") == std::string_view::npos;
  if (shape) {
    if (const auto d = Date::parse(token)) {
      return *d;
    }
  }
  throw InputError(where, fmt::format("'{}' is not a valid date", printable(token)),
                   "YYYY-DOY, day of year 001 to 365 (366 in leap years)");
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({path, 0, ""}, "cannot open the file", "a readable file");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace egin::fieldwater::pyfao56

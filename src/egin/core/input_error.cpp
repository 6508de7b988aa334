#include "egin/core/input_error.hpp"

#include <fmt/format.h>

#include <utility>

namespace egin {

std::string format_input_message(const InputLocation& where, const std::string& problem,
                                 const std::string& expected) {
  std::string out;
  if (!where.file.empty() && where.line > 0) {
    out = fmt::format("{}:{}: ", where.file, where.line);
  } else if (!where.file.empty()) {
    out = fmt::format("{}: ", where.file);
  } else if (where.line > 0) {
    out = fmt::format("line {}: ", where.line);
  }
  if (!where.field.empty()) {
    out += fmt::format("field '{}': ", where.field);
  }
  out += problem;
  if (!expected.empty()) {
    out += fmt::format(" (expected {})", expected);
  }
  return out;
}

InputError::InputError(InputLocation where, std::string problem, std::string expected)
    : std::runtime_error(format_input_message(where, problem, expected)),
      where_(std::move(where)),
      problem_(std::move(problem)),
      expected_(std::move(expected)) {}

}  // namespace egin

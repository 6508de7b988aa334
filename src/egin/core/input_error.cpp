#include "egin/core/input_error.hpp"

#include <utility>

namespace egin {

std::string format_input_message(const InputLocation& where, const std::string& problem,
                                 const std::string& expected) {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) {
      out += ":" + std::to_string(where.line);
    }
    out += ": ";
  } else if (where.line > 0) {
    out += "line " + std::to_string(where.line) + ": ";
  }
  if (!where.field.empty()) {
    out += "field '" + where.field + "': ";
  }
  out += problem;
  if (!expected.empty()) {
    out += " (expected " + expected + ")";
  }
  return out;
}

InputError::InputError(InputLocation where, std::string problem, std::string expected)
    : std::runtime_error(format_input_message(where, problem, expected)),
      where_(std::move(where)),
      problem_(std::move(problem)),
      expected_(std::move(expected)) {}

}  // namespace egin

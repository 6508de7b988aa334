// InputError: the one exception egin throws for bad input (a file, a flag, a message).
// It names where the problem is (file, line, field) and what was expected (the accepted range),
// so a user can fix the input without reading code. Commands turn it into exit code 2.
// It must not be used for programming errors (use assertions) or I/O failures of the machine.
#pragma once

#include <stdexcept>
#include <string>

namespace egin {

/// Where a bad value was found. Every part is optional: line 0 means "no line".
struct InputLocation {
  std::string file;
  int line = 0;
  std::string field;
};

class InputError final : public std::runtime_error {
 public:
  /// `problem` says what is wrong ("value 130 is out of range"), `expected` what would be
  /// accepted ("0 to 100 %"); both end up in what() as "file:line: field 'f': problem (expected)".
  InputError(InputLocation where, std::string problem, std::string expected = {});

  [[nodiscard]] const InputLocation& where() const noexcept { return where_; }
  [[nodiscard]] const std::string& problem() const noexcept { return problem_; }
  [[nodiscard]] const std::string& expected() const noexcept { return expected_; }

 private:
  InputLocation where_;
  std::string problem_;
  std::string expected_;
};

/// Formats the message InputError carries; exposed so warnings can use the same shape.
std::string format_input_message(const InputLocation& where, const std::string& problem,
                                 const std::string& expected);

}  // namespace egin

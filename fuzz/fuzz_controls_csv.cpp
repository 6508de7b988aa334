// libFuzzer target: arbitrary bytes to the controls CSV reader (controls_csv.hpp), then the
// series read at a few times. egin::InputError is the only accepted failure.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "egin/core/input_error.hpp"
#include "egin/greenhouse/controls_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const egin::greenhouse::ControlsSeries s =
        egin::greenhouse::ControlsSeries::parse(text, "fuzz.csv");
    for (const double t :
         {s.first_utc_s() - 1.0, 0.5 * (s.first_utc_s() + s.last_utc_s()), s.last_utc_s() + 1.0}) {
      (void)s.at(t);
    }
  } catch (const egin::InputError&) {
  }
  return 0;
}

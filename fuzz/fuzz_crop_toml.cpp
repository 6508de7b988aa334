// libFuzzer target: arbitrary bytes to the crop and soil TOML readers. egin::InputError is the
// only accepted failure; any other exception, crash, leak or undefined behaviour is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "egin/core/input_error.hpp"
#include "egin/crops/crop_toml.hpp"
#include "egin/crops/kc_curve.hpp"
#include "egin/soils/soil_toml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const egin::crops::Crop crop = egin::crops::parse_crop_toml(text, "fuzz.toml");
    // Exercise what a caller does next with a crop that passed validation.
    const auto& stages = crop.stages();
    const auto& coefficients = crop.coefficients();
    const int total = stages.lengths.total_d();
    for (int day = 0; day <= total; day += 7) {
      (void)egin::crops::coefficient_on_day(stages.lengths, coefficients.kc, day);
    }
  } catch (const egin::InputError&) {
  }
  try {
    const egin::soils::Soil soil = egin::soils::parse_soil_toml(text, "fuzz.toml");
    (void)soil.tew_mm();
  } catch (const egin::InputError&) {
  }
  return 0;
}

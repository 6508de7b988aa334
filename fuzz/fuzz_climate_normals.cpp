// libFuzzer target: arbitrary bytes to the climate normals TOML reader, and what a caller does
// next with normals that passed it (the generator's check, then a one-year run when they
// suffice). egin::InputError is the only accepted failure; any other exception, crash, leak or
// undefined behaviour is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "egin/agromet/climate_normals.hpp"
#include "egin/agromet/weather_generator.hpp"
#include "egin/core/input_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const egin::agromet::ClimateNormals normals =
        egin::agromet::parse_climate_normals_toml(text, "fuzz.toml");
    egin::agromet::WeatherGeneratorOptions options;
    options.years = 1;
    options.seed = size;
    const auto generated = egin::agromet::generate_daily_weather(normals, options);
    for (const auto& day : generated.series.days) {
      if (!(day.tmin_c < day.tmax_c) || day.precip_mm < 0.0) {
        __builtin_trap();  // a generated day outside the physical bounds
      }
    }
  } catch (const egin::InputError&) {
  }
  return 0;
}

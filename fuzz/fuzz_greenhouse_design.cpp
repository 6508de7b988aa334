// libFuzzer target: arbitrary bytes to the greenhouse design reader (design_toml.hpp), then the
// model built from what passed and one evaluation of its rates. egin::InputError is the only
// accepted failure; any other exception, crash, leak or undefined behaviour is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "egin/core/input_error.hpp"
#include "egin/greenhouse/climate_rates.hpp"
#include "egin/greenhouse/design_toml.hpp"
#include "egin/greenhouse/state.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const egin::greenhouse::DesignFile f = egin::greenhouse::parse_design_toml(
        text, "fuzz.toml",
        [](const std::string& base, const std::string& from) -> egin::greenhouse::DesignFile {
          throw egin::InputError({from, 0, "base"}, "no bases while fuzzing: '" + base + "'");
        });
    const egin::greenhouse::GreenhouseModel m = egin::greenhouse::make_model(f.design);
    const egin::greenhouse::StateVector x =
        egin::greenhouse::greenlight_initial_state(egin::greenhouse::InitialCrop::kYoung);
    egin::greenhouse::StateVector dxdt{};
    egin::greenhouse::Controls u;
    u.boiler_frac = 0.5;
    u.roof_vent_frac = 0.5;
    u.thermal_screen_frac = 0.5;
    egin::greenhouse::climate_rates(m, x.data(), egin::greenhouse::OutdoorConditions{}, u,
                                    dxdt.data(),
                                    static_cast<egin::greenhouse::Fluxes<double>*>(nullptr));
  } catch (const egin::InputError&) {
  }
  return 0;
}

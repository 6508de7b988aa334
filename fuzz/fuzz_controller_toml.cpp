// libFuzzer target: arbitrary bytes to the controller settings reader. egin::InputError is the
// only accepted failure; any other exception, crash, leak or undefined behaviour is a bug. A file
// that passes is stepped once through a day's corners, as a caller would next.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "egin/control/climate_controller.hpp"
#include "egin/control/settings_toml.hpp"
#include "egin/core/input_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const egin::control::ControllerSettings settings =
        egin::control::parse_controller_settings(text, "fuzz.toml");
    egin::control::ControllerState state;
    const egin::control::SiteInfo site{43.3, 68.25, 300};
    constexpr egin::TimeMs kStart = 1'752'451'200'000;  // 2025-07-14T00:00Z
    for (int k = 0; k < 24; ++k) {
      const egin::TimeMs now = kStart + k * egin::kMsPerHour;
      egin::control::Measurements m;
      m.t_air_c = egin::control::good_reading(10.0 + k, now);
      m.rh_air_pct = egin::control::good_reading(95.0 - 2.0 * k, now);
      m.t_out_c = egin::control::good_reading(-5.0 + 2.0 * k, now);
      m.iglob_w_m2 = egin::control::good_reading(k > 6 && k < 19 ? 600.0 : 0.0, now);
      (void)egin::control::step(settings, {now, site, m}, state);
    }
  } catch (const egin::InputError&) {
  }
  return 0;
}

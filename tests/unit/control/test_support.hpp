// Shared pieces of the control tests: times at the Turkistan demo site, good readings, and a
// small fully-equipped settings set written in code (the shipped TOML files have their own
// tests in settings_toml_test.cpp).
#pragma once

#include <string>

#include "egin/control/climate_controller.hpp"
#include "egin/core/clock.hpp"

namespace egin::control::test {

/// The demo site near Turkestan (data/sites/turkistan-demo.toml).
inline SiteInfo turkistan() { return {43.30, 68.25, 300}; }

/// ISO text to UTC ms; aborts the test on bad text.
TimeMs at(const std::string& iso);

/// A measurement set where every sensor reads good at `t_ms`.
Measurements all_good(TimeMs t_ms, double t_air_c, double rh_air_pct, double co2_ppm,
                      double t_out_c, double iglob_w_m2);

/// Every subsystem installed, simple round numbers (documented in test_support.cpp).
ControllerSettings full_settings();

}  // namespace egin::control::test

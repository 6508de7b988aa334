#include "egin/fieldwater/parameters.hpp"

#include <fmt/format.h>

#include <cmath>

#include "egin/core/input_error.hpp"

namespace egin::fieldwater {

namespace {

using P = WaterBalanceParameters;

// Ranges: physically possible values, wide enough for every crop of FAO-56 Tables 11-22.
constexpr std::array<ParameterSpec, 21> kSpecs{{
    {"kcm_ini", "Kcmini", 0.0, 2.0, "", false, true, &P::kcm_ini, nullptr},
    {"kcm_mid", "Kcmmid", 0.0, 2.0, "", false, true, &P::kcm_mid, nullptr},
    {"kcm_end", "Kcmend", 0.0, 2.0, "", false, true, &P::kcm_end, nullptr},
    {"kcb_ini", "Kcbini", 0.0, 2.0, "", false, false, &P::kcb_ini, nullptr},
    {"kcb_mid", "Kcbmid", 0.0, 2.0, "", false, false, &P::kcb_mid, nullptr},
    {"kcb_end", "Kcbend", 0.0, 2.0, "", false, false, &P::kcb_end, nullptr},
    {"l_ini_d", "Lini", 1, 366, "d", true, false, nullptr, &P::l_ini_d},
    {"l_dev_d", "Ldev", 1, 366, "d", true, false, nullptr, &P::l_dev_d},
    {"l_mid_d", "Lmid", 1, 366, "d", true, false, nullptr, &P::l_mid_d},
    {"l_end_d", "Lend", 1, 366, "d", true, false, nullptr, &P::l_end_d},
    {"h_ini_m", "hini", 0.001, 30.0, "m", false, false, &P::h_ini_m, nullptr},
    {"h_max_m", "hmax", 0.001, 30.0, "m", false, false, &P::h_max_m, nullptr},
    {"theta_fc_m3_m3", "thetaFC", 0.01, 0.70, "m3/m3", false, false, &P::theta_fc_m3_m3, nullptr},
    {"theta_wp_m3_m3", "thetaWP", 0.0, 0.60, "m3/m3", false, false, &P::theta_wp_m3_m3, nullptr},
    {"theta0_m3_m3", "theta0", 0.0, 0.70, "m3/m3", false, false, &P::theta0_m3_m3, nullptr},
    {"zr_ini_m", "Zrini", 0.01, 5.0, "m", false, false, &P::zr_ini_m, nullptr},
    {"zr_max_m", "Zrmax", 0.01, 5.0, "m", false, false, &P::zr_max_m, nullptr},
    {"p_base", "pbase", 0.05, 0.95, "", false, false, &P::p_base, nullptr},
    {"ze_m", "Ze", 0.01, 0.50, "m", false, false, &P::ze_m, nullptr},
    {"rew_mm", "REW", 0.0, 50.0, "mm", false, false, &P::rew_mm, nullptr},
    {"cn2", "CN2", 1.0, 100.0, "", false, false, &P::cn2, nullptr},
}};

std::size_t index_of(const char* name) {
  for (std::size_t i = 0; i < kSpecs.size(); ++i) {
    if (std::string_view(kSpecs[i].name) == name) {
      return i;
    }
  }
  return 0;
}

[[noreturn]] void fail(const ParameterOrigin& origin, const char* name, const std::string& problem,
                       const std::string& expected) {
  const std::size_t i = index_of(name);
  throw InputError({origin.source, origin.lines[i],
                    origin.pyfao56_names ? kSpecs[i].pyfao56_name : kSpecs[i].name},
                   problem, expected);
}

std::string range_text(const ParameterSpec& s) {
  std::string unit = *s.unit != '\0' ? fmt::format(" {}", s.unit) : "";
  if (s.integer) {
    return fmt::format("an integer {} to {}{}", s.min, s.max, unit);
  }
  return fmt::format("{} to {}{}", s.min, s.max, unit);
}

}  // namespace

std::span<const ParameterSpec> parameter_specs() { return kSpecs; }

double parameter_value(const WaterBalanceParameters& p, const ParameterSpec& spec) {
  return spec.member_double != nullptr ? p.*spec.member_double
                                       : static_cast<double>(p.*spec.member_int);
}

double total_evaporable_water_mm(const WaterBalanceParameters& p) {
  return 1000.0 * (p.theta_fc_m3_m3 - 0.5 * p.theta_wp_m3_m3) * p.ze_m;  // FAO-56 Eq. 73
}

void validate_parameters(const WaterBalanceParameters& p, const ParameterOrigin& origin) {
  const bool single_kc_given =
      !std::isnan(p.kcm_ini) || !std::isnan(p.kcm_mid) || !std::isnan(p.kcm_end);
  for (const ParameterSpec& s : kSpecs) {
    const double v = parameter_value(p, s);
    if (std::isnan(v)) {
      if (s.optional && !single_kc_given) {
        continue;
      }
      fail(origin, s.name,
           s.optional ? "missing while other single-Kc values are given" : "missing",
           range_text(s));
    }
    if (!(v >= s.min && v <= s.max)) {
      fail(origin, s.name, fmt::format("value {} is out of range", v), range_text(s));
    }
  }
  if (!(p.theta_wp_m3_m3 < p.theta_fc_m3_m3)) {
    fail(origin, "theta_wp_m3_m3",
         fmt::format("wilting point {} is not below field capacity {}", p.theta_wp_m3_m3,
                     p.theta_fc_m3_m3),
         "theta_wp_m3_m3 < theta_fc_m3_m3");
  }
  if (p.theta0_m3_m3 > p.theta_fc_m3_m3) {
    fail(origin, "theta0_m3_m3",
         fmt::format("initial water content {} is above field capacity {}", p.theta0_m3_m3,
                     p.theta_fc_m3_m3),
         "0 to theta_fc_m3_m3");
  }
  if (p.zr_ini_m > p.zr_max_m) {
    fail(origin, "zr_ini_m",
         fmt::format("initial rooting depth {} m exceeds the maximum {} m", p.zr_ini_m, p.zr_max_m),
         "zr_ini_m <= zr_max_m");
  }
  if (p.h_ini_m > p.h_max_m) {
    fail(origin, "h_ini_m",
         fmt::format("initial height {} m exceeds the maximum {} m", p.h_ini_m, p.h_max_m),
         "h_ini_m <= h_max_m");
  }
  if (!(p.kcb_mid > p.kcb_ini)) {
    // Height and root depth grow with (Kcb − Kcb ini)/(Kcb mid − Kcb ini).
    fail(origin, "kcb_mid", fmt::format("Kcb mid {} is not above Kcb ini {}", p.kcb_mid, p.kcb_ini),
         "kcb_mid > kcb_ini");
  }
  const double tew = total_evaporable_water_mm(p);
  if (!(p.rew_mm < tew)) {
    fail(origin, "rew_mm",
         fmt::format("REW {} mm is not below TEW {:.3f} mm (FAO-56 Eq. 73 from thetaFC, thetaWP, "
                     "Ze)",
                     p.rew_mm, tew),
         "rew_mm < TEW");
  }
}

}  // namespace egin::fieldwater

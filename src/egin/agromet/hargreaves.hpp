// The Hargreaves (1985) reference ET equation as FAO-56 Eq. 52 gives it (Allen et al. 1998,
// Ch. 3 "Missing climatic data"): temperature and extraterrestrial radiation only. A pure
// function; the method layer (et0.hpp) feeds it Tmean = (Tmax + Tmin)/2 and the day's Ra.
//
// | symbol | name                          | unit        |
// |--------|-------------------------------|-------------|
// | ET0    | reference evapotranspiration  | mm d⁻¹      |
// | Tmax, Tmin, Tmean | air temperatures   | °C          |
// | Ra     | extraterrestrial radiation    | MJ m⁻² d⁻¹  |
#pragma once

namespace egin::agromet {

/// FAO-56 Eq. 52: ET0 = 0.0023 (Tmean + 17.8) √(Tmax − Tmin) × 0.408 Ra (0.408 converts Ra to
/// mm d⁻¹); a negative range counts as 0.
double hargreaves_mm(double tmax_c, double tmin_c, double tmean_c, double ra_mj_m2);

}  // namespace egin::agromet

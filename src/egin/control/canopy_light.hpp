// Light at the canopy: the PAR photon flux the crop receives, from a canopy PAR sensor when it
// reads, else estimated from outdoor global radiation through the cover plus the lamps. Used for
// the daily light integral (derived.hpp) and the lamps' light-sum target (lamps.hpp).
//
// | setting           | meaning                                                  | unit      |
// |-------------------|----------------------------------------------------------|-----------|
// | transmission_frac | share of outdoor global radiation reaching the canopy    | 0–1       |
// | par_umol_per_j    | PAR photons per joule of global radiation                | µmol J⁻¹  |
//
// PAR = Iglob · transmission · par_umol_per_j + lamp PPFD. The default 2.3 µmol J⁻¹ is the 0.50
// PAR share of global radiation (Szeicz 1974, J. Appl. Ecol. 11: 617–636) times 4.57 µmol J⁻¹ for
// daylight PAR (McCree 1972, Agric. Meteorol. 10: 443–453).
#pragma once

#include <optional>

namespace egin::control {

struct LightSettings {
  double transmission_frac = 0.7;
  double par_umol_per_j = 2.3;
};

/// Canopy PAR now, µmol m⁻² s⁻¹: the sensor when it reads, else the estimate with
/// `lamp_ppfd_umol_m2_s` (0 when the lamps are off).
inline double canopy_par_umol_m2_s(const LightSettings& s, std::optional<double> iglob_w_m2,
                                   std::optional<double> par_air_umol_m2_s,
                                   double lamp_ppfd_umol_m2_s) {
  if (par_air_umol_m2_s) {
    return *par_air_umol_m2_s;
  }
  return iglob_w_m2.value_or(0.0) * s.transmission_frac * s.par_umol_per_j + lamp_ppfd_umol_m2_s;
}

}  // namespace egin::control

// WaterBalanceOptions: the switches of the FAO-56 field water balance — which crop coefficient
// drives the root zone, how p and Ks are computed, whether runoff is modelled, and the climate
// adjustments. The defaults reproduce pyfao56 v1.4 `Model(...)` with its defaults. It holds
// choices only, no parameters and no state.
//
// | option             | pyfao56 | effect when true                                          |
// |--------------------|---------|-----------------------------------------------------------|
// | runoff             | roff    | curve-number runoff, ASCE MOP 70 (2016) Eqs. 14-12..14-20 |
// | constant_p         | cons_p  | p = p_base every day (no FAO-56 Table 22 ETc adjustment)  |
// | aquacrop_ks        | aq_Ks   | convex Ks of AquaCrop (shape factor 1.5)                  |
// | single_kc          | -       | root zone follows the single Kc (FAO-56 Ch. 6), not Kcb+Ke |
// | climate_adjust_kcb | -       | Kcb mid/end adjusted for u2 and RHmin, FAO-56 Eq. 70      |
// | climate_adjust_kc  | -       | single Kc mid/end adjusted, FAO-56 Eqs. 62 and 65         |
//
// reference_crop says which reference ETref is: short grass (ETo) or tall alfalfa (ETr); it
// changes Kcmax (FAO-56 Eq. 72 for short; max(1.0, Kcb + 0.05) for tall, as pyfao56 does).
#pragma once

namespace egin::fieldwater {

enum class ReferenceCrop { kShort, kTall };

struct WaterBalanceOptions {
  bool runoff = false;
  bool constant_p = false;
  bool aquacrop_ks = false;
  bool single_kc = false;
  bool climate_adjust_kcb = false;
  bool climate_adjust_kc = false;
  ReferenceCrop reference_crop = ReferenceCrop::kShort;
};

}  // namespace egin::fieldwater

// The FAO-56 field water balance, one day at a time (Allen et al. 1998, FAO-56 Ch. 7 dual crop
// coefficient, Ch. 6/8 single crop coefficient; pyfao56 v1.4 conventions, Thorp et al. 2022).
// A day is two calls: compute_rates() turns (parameters, options, state at the end of yesterday,
// today's inputs, today's irrigation) into today's rates; integrate() applies them to the state.
// make_record() joins both into the day's output row. Nothing here allocates, reads files or
// keeps hidden state; the season loop is in season.hpp.
//
// Two soil water stores, both as depletion below field capacity:
//   De  surface layer of depth Ze (evaporation), 0..TEW    — FAO-56 Eqs. 77, 79
//   Dr  root zone of depth Zr (transpiration),   0..TAW    — FAO-56 Eqs. 85, 88
//
// State (end of a day)
// | name       | meaning                                               | unit | initial       |
// |------------|-------------------------------------------------------|------|---------------|
// | day_index  | index of the next day in the crop calendar            | d    | 0             |
// | tkcb       | Kcb of the stage trapezoid, no observations           | -    | Kcb ini       |
// | kcb_curve  | Kcb curve with observations, before climate adjust.   | -    | Kcb ini       |
// | kcm        | single Kc of the stage trapezoid                      | -    | Kc ini        |
// | h_m        | plant height                                          | m    | h ini         |
// | zr_m       | rooting depth                                         | m    | Zr ini        |
// | fw         | fraction of the surface wetted by the last wetting    | -    | 1             |
// | de_mm      | surface-layer depletion                               | mm   | TEW (Eq. 73)  |
// | dr_mm      | root-zone depletion                                   | mm   | Eq. 87 (θ0)   |
// | taw_mm     | that day's TAW (Eq. 82)                               | mm   | at Zr ini     |
// | fdr        | Dr / TAW                                              | -    |               |
// | ks_end     | Ks of the end-of-day Dr (pyfao56 "Ksend")             | -    |               |
//
// Rates (one day), with the pyfao56 column name
// | name               | pyfao56 | meaning                                              | unit |
// |--------------------|---------|------------------------------------------------------|------|
// | et_ref_mm          | ETref   | reference ET                                         | mm   |
// | kcm, etcm_mm       | Kcm ETcm| single Kc (Eq. 66; Eqs. 62/65 if enabled), Kc·ETref  | -, mm|
// | tkcb               | tKcb    | trapezoid Kcb (Eq. 66)                               | -    |
// | kcb                | Kcb     | Kcb used: observation, else curve (+ Eq. 70)         | -    |
// | etcb_mm            | ETcb    | Kcb curve before today's observation × ETref         | mm   |
// | h_m, zr_m          | h Zr    | plant height, rooting depth (crop_coefficients.hpp)  | m    |
// | kc_max, etmax_mm   | Kcmax ETmax | Eq. 72; Kcmax·ETref                              | -, mm|
// | fc                 | fc      | canopy cover (Eq. 76, or observation)                | -    |
// | fw, few            | fw few  | wetted fraction (Table 20), exposed+wetted (Eq. 75)  | -    |
// | kr, ke             | Kr Ke   | evaporation reduction (Eq. 74), coefficient (Eq. 71) | -    |
// | e_mm               | E       | soil evaporation Ke·ETref (Eq. 69)                   | mm   |
// | dpe_mm             | DPe     | drainage out of the surface layer (Eq. 79)           | mm   |
// | kc, etc_mm         | Kc ETc  | Kcb + Ke, Kc·ETref (Eq. 69); single mode: single Kc  | -, mm|
// | taw_mm, p, raw_mm  | TAW p RAW | Eq. 82; Table 22 footnote; Eq. 83                  | mm   |
// | ks                 | Ks      | stress from yesterday's Dr (Eq. 84 or AquaCrop)      | -    |
// | ka, eta_mm         | Ka ETa  | Ks·Kcb + Ke (single: Ks·Kc); Ka·ETref (Eq. 80)       | -, mm|
// | t_mm               | T       | transpiration Ks·Kcb·ETref                           | mm   |
// | dp_mm              | DP      | deep percolation below the root zone (Eq. 88)        | mm   |
// | irrigation_mm      | Irrig   | gross irrigation depth                               | mm   |
// | irrigation_loss_mm | IrrLoss | (100 − efficiency) % of it                           | mm   |
// | rain_mm, runoff_mm | Rain Runoff | rain; curve-number runoff when enabled           | mm   |
//
// Single-Kc mode (options.single_kc): the root zone follows ETc = Kc·ETref with the single Kc
// curve, ETa = Ks·Kc·ETref (FAO-56 Eq. 80 with Kc); the surface layer De is still tracked with
// the dual equations (it sets the runoff curve number) but Ke, E and T are not defined and are
// NaN in the record.
//
// Observed Kcb, h or fc (DayInputs::*_obs) replace the day's value when > 0 (pyfao56: NaN and 0
// mean "no update"); the root depth follows the trapezoid Kcb and is never updated.
#pragma once

#include "egin/core/date.hpp"
#include "egin/fieldwater/day_inputs.hpp"
#include "egin/fieldwater/irrigation_source.hpp"
#include "egin/fieldwater/model_options.hpp"
#include "egin/fieldwater/parameters.hpp"

namespace egin::fieldwater {

struct WaterBalanceState {
  int day_index = 0;
  double tkcb = 0.0;
  double kcb_curve = 0.0;
  double kcm = 0.0;
  double h_m = 0.0;
  double zr_m = 0.0;
  double fw = 1.0;
  double de_mm = 0.0;
  double dr_mm = 0.0;
  double taw_mm = 0.0;
  double fdr = 0.0;
  double ks_end = 1.0;
};

struct DayRates {
  Date date;
  double et_ref_mm = 0.0;
  double kcm = 0.0;
  double etcm_mm = 0.0;
  double tkcb = 0.0;
  double kcb_curve = 0.0;
  double kcb = 0.0;
  double etcb_mm = 0.0;
  double h_m = 0.0;
  double kc_max = 0.0;
  double etmax_mm = 0.0;
  double fc = 0.0;
  double fw = 1.0;
  double few = 1.0;
  double kr = 0.0;
  double ke = 0.0;
  double e_mm = 0.0;
  double dpe_mm = 0.0;
  double kc = 0.0;
  double etc_mm = 0.0;
  double taw_mm = 0.0;
  double zr_m = 0.0;
  double p = 0.0;
  double raw_mm = 0.0;
  double ks = 0.0;
  double ka = 0.0;
  double eta_mm = 0.0;
  double t_mm = 0.0;
  double dp_mm = 0.0;
  double irrigation_mm = 0.0;
  double irrigation_loss_mm = 0.0;
  double rain_mm = 0.0;
  double runoff_mm = 0.0;
  double effective_irrigation_mm = 0.0;  // irrigation − loss
  double effective_rain_mm = 0.0;        // rain − runoff
  double surface_evaporation_mm = 0.0;   // E of the surface layer (equals e_mm in dual mode)
};

/// One output row: the day's rates and the end-of-day stores.
struct DayRecord : DayRates {
  double de_mm = 0.0;
  double dr_mm = 0.0;
  double fdr = 0.0;
  double ks_end = 1.0;
};

/// The state before the first day (see the State table). Parameters must be valid
/// (validate_parameters).
[[nodiscard]] WaterBalanceState initial_state(const WaterBalanceParameters& p);

/// Today's rates. `irrigation` is today's decision of the irrigation source.
[[nodiscard]] DayRates compute_rates(const WaterBalanceParameters& p,
                                     const WaterBalanceOptions& options,
                                     const WaterBalanceState& yesterday, const DayInputs& day,
                                     const IrrigationDecision& irrigation);

/// The state at the end of today: De by FAO-56 Eq. 77 (limited to 0..TEW), Dr by Eq. 85
/// (limited to 0..TAW), the carried crop states, and TAW, Dr/TAW and Ks of the new Dr.
[[nodiscard]] WaterBalanceState integrate(const WaterBalanceParameters& p,
                                          const WaterBalanceOptions& options,
                                          const WaterBalanceState& yesterday,
                                          const DayRates& rates);

/// The day's output row; in single-Kc mode Ke, E and T are NaN.
[[nodiscard]] DayRecord make_record(const WaterBalanceOptions& options, const DayRates& rates,
                                    const WaterBalanceState& today);

/// Ks for depletion `dr_mm` with the option's shape (FAO-56 Eq. 84 or AquaCrop).
[[nodiscard]] double water_stress(const WaterBalanceOptions& options, double dr_mm, double taw_mm,
                                  double p);

}  // namespace egin::fieldwater

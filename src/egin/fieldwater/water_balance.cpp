#include "egin/fieldwater/water_balance.hpp"

#include <algorithm>
#include <cmath>

#include "egin/fieldwater/crop_coefficients.hpp"
#include "egin/fieldwater/soil_coefficients.hpp"

namespace egin::fieldwater {

namespace {

constexpr double kRainWetsAllMm = 3.0;  // rain ≥ 3 mm on a day without irrigation: fw = 1
                                        // (FAO-56 Table 20 / pyfao56)

bool observed(double value) { return value > 0.0; }  // NaN and ≤ 0 are "no update"

}  // namespace

double water_stress(const WaterBalanceOptions& options, double dr_mm, double taw_mm, double p) {
  return options.aquacrop_ks ? water_stress_aquacrop(dr_mm, taw_mm, p)
                             : water_stress_fao56(dr_mm, taw_mm, p);
}

WaterBalanceState initial_state(const WaterBalanceParameters& p) {
  WaterBalanceState s;
  s.day_index = 0;
  s.tkcb = p.kcb_ini;
  s.kcb_curve = p.kcb_ini;
  s.kcm = p.kcm_ini;
  s.h_m = p.h_ini_m;
  s.zr_m = p.zr_ini_m;
  s.fw = 1.0;
  s.de_mm = total_evaporable_water_mm(p);                               // FAO-56 p. 153
  s.dr_mm = 1000.0 * (p.theta_fc_m3_m3 - p.theta0_m3_m3) * p.zr_ini_m;  // FAO-56 Eq. 87
  s.taw_mm = total_available_water_mm(p.theta_fc_m3_m3, p.theta_wp_m3_m3, p.zr_ini_m);
  s.fdr = s.dr_mm / s.taw_mm;
  s.ks_end = water_stress_fao56(s.dr_mm, s.taw_mm, p.p_base);
  return s;
}

DayRates compute_rates(const WaterBalanceParameters& p, const WaterBalanceOptions& options,
                       const WaterBalanceState& y, const DayInputs& day,
                       const IrrigationDecision& irrigation) {
  DayRates r;
  const int i = y.day_index;
  r.date = day.date;
  r.et_ref_mm = day.et_ref_mm;
  r.rain_mm = day.precip_mm;

  // Crop: Kcb curves, height, root depth.
  r.tkcb = next_stage_curve_value(y.tkcb, p.kcb_ini, p.kcb_mid, p.kcb_end, p, i);
  r.kcb_curve = next_stage_curve_value(y.kcb_curve, p.kcb_ini, p.kcb_mid, p.kcb_end, p, i);
  const double kcb_before_observation = r.kcb_curve;
  const bool kcb_observed = observed(day.kcb_obs);
  if (kcb_observed) {
    r.kcb_curve = day.kcb_obs;
  }
  r.h_m = plant_height_m(p, r.kcb_curve, y.h_m);
  if (observed(day.h_obs_m)) {
    r.h_m = day.h_obs_m;
  }
  r.kcb = r.kcb_curve;
  double kcb_climate = 0.0;
  if (options.climate_adjust_kcb) {
    // FAO-56 Eq. 70, phased in over development and out over the late season.
    kcb_climate = climate_adjustment(day.u2_m_s, day.rh_min_pct, r.h_m) *
                  climate_adjustment_weight(p, i, p.kcb_end);
  }
  if (!kcb_observed) {
    r.kcb += kcb_climate;
  }
  r.zr_m = root_depth_m(p, r.tkcb, y.zr_m);
  r.kc_max = kc_max(r.kcb, r.h_m, day.u2_m_s, day.rh_min_pct, options.reference_crop);
  r.fc = canopy_cover_fraction(r.kcb, p.kcb_ini, r.kc_max, r.h_m);
  if (observed(day.fc_obs)) {
    r.fc = day.fc_obs;
  }

  // Water in: irrigation (gross, loss, net), rain and runoff.
  r.irrigation_mm = irrigation.depth_mm;
  r.irrigation_loss_mm = irrigation.depth_mm * (1.0 - irrigation.efficiency_pct / 100.0);
  r.effective_irrigation_mm = r.irrigation_mm - r.irrigation_loss_mm;
  const double tew_mm = total_evaporable_water_mm(p);
  if (options.runoff) {
    const double cn = curve_number(p.cn2, y.de_mm, p.rew_mm, tew_mm);
    r.runoff_mm = curve_number_runoff_mm(r.rain_mm, cn);
  }
  r.effective_rain_mm = r.rain_mm - r.runoff_mm;

  // Surface layer: wetted fraction (FAO-56 Table 20), evaporation (Eqs. 71-75), drainage (79).
  r.fw = agromet::is_missing(irrigation.fw) ? y.fw : irrigation.fw;
  if (irrigation.depth_mm <= 0.0 && r.rain_mm >= kRainWetsAllMm) {
    r.fw = 1.0;
  }
  r.few = exposed_wetted_fraction(r.fc, r.fw);
  r.kr = evaporation_reduction(y.de_mm, tew_mm, p.rew_mm);
  r.ke = evaporation_coefficient(r.kr, r.kc_max, r.kcb, r.few);
  r.e_mm = r.ke * r.et_ref_mm;  // FAO-56 Eq. 69
  r.surface_evaporation_mm = r.e_mm;
  r.dpe_mm = std::max(r.effective_rain_mm + r.effective_irrigation_mm / r.fw - y.de_mm, 0.0);

  // Crop coefficients and ET without stress.
  r.kc = r.ke + r.kcb;  // FAO-56 Eq. 69
  r.etc_mm = r.kc * r.et_ref_mm;
  // pyfao56 1.4 "ETcb": from the Kcb curve before today's observation replaces it.
  r.etcb_mm = (kcb_before_observation + kcb_climate) * r.et_ref_mm;
  r.etmax_mm = r.kc_max * r.et_ref_mm;
  if (p.has_single_kc()) {
    r.kcm = next_stage_curve_value(y.kcm, p.kcm_ini, p.kcm_mid, p.kcm_end, p, i);
    if (options.climate_adjust_kc) {
      // FAO-56 Eqs. 62 (mid) and 65 (end).
      r.kcm += climate_adjustment(day.u2_m_s, day.rh_min_pct, r.h_m) *
               climate_adjustment_weight(p, i, p.kcm_end);
    }
    r.etcm_mm = r.kcm * r.et_ref_mm;
  } else {
    r.kcm = agromet::kMissing;
    r.etcm_mm = agromet::kMissing;
  }
  if (options.single_kc) {
    r.kc = r.kcm;
    r.etc_mm = r.etcm_mm;
  }

  // Root zone: available water, stress (from yesterday's depletion), actual ET.
  r.taw_mm = total_available_water_mm(p.theta_fc_m3_m3, p.theta_wp_m3_m3, r.zr_m);
  r.p = depletion_fraction(p.p_base, r.etc_mm, options.constant_p);
  r.raw_mm = r.p * r.taw_mm;  // FAO-56 Eq. 83
  r.ks = water_stress(options, y.dr_mm, r.taw_mm, r.p);
  if (options.single_kc) {
    r.ka = r.ks * r.kcm;  // FAO-56 Eq. 80 with a single Kc
    r.t_mm = agromet::kMissing;
  } else {
    r.ka = r.ks * r.kcb + r.ke;  // FAO-56 Eq. 80
    r.t_mm = r.ks * r.kcb * r.et_ref_mm;
  }
  r.eta_mm = r.ka * r.et_ref_mm;
  // FAO-56 Eq. 88
  r.dp_mm = std::max(r.effective_rain_mm + r.effective_irrigation_mm - r.eta_mm - y.dr_mm, 0.0);
  return r;
}

WaterBalanceState integrate(const WaterBalanceParameters& p, const WaterBalanceOptions& options,
                            const WaterBalanceState& y, const DayRates& r) {
  WaterBalanceState s;
  s.day_index = y.day_index + 1;
  s.tkcb = r.tkcb;
  s.kcb_curve = r.kcb_curve;
  s.kcm = r.kcm;
  s.h_m = r.h_m;
  s.zr_m = r.zr_m;
  s.fw = r.fw;
  // FAO-56 Eq. 77
  const double de = y.de_mm - r.effective_rain_mm - r.effective_irrigation_mm / r.fw +
                    r.surface_evaporation_mm / r.few + r.dpe_mm;
  s.de_mm = std::clamp(de, 0.0, total_evaporable_water_mm(p));
  // FAO-56 Eq. 85
  const double dr = y.dr_mm - r.effective_rain_mm - r.effective_irrigation_mm + r.eta_mm + r.dp_mm;
  s.dr_mm = std::clamp(dr, 0.0, r.taw_mm);
  s.taw_mm = r.taw_mm;
  s.fdr = s.dr_mm / s.taw_mm;
  s.ks_end = water_stress(options, s.dr_mm, r.taw_mm, r.p);
  return s;
}

DayRecord make_record(const WaterBalanceOptions& options, const DayRates& rates,
                      const WaterBalanceState& today) {
  DayRecord rec;
  static_cast<DayRates&>(rec) = rates;
  if (options.single_kc) {
    rec.ke = agromet::kMissing;
    rec.e_mm = agromet::kMissing;
    rec.t_mm = agromet::kMissing;
  }
  rec.de_mm = today.de_mm;
  rec.dr_mm = today.dr_mm;
  rec.fdr = today.fdr;
  rec.ks_end = today.ks_end;
  return rec;
}

}  // namespace egin::fieldwater

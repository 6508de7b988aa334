#include "egin/fieldwater/crop_coefficients.hpp"

#include <algorithm>
#include <cmath>

namespace egin::fieldwater {

namespace {

struct StageEnds {
  int ini, dev, mid, late;  // last day index of each stage
};

StageEnds stage_ends(const WaterBalanceParameters& p) {
  const int s1 = p.l_ini_d;
  const int s2 = s1 + p.l_dev_d;
  const int s3 = s2 + p.l_mid_d;
  return {s1, s2, s3, s3 + p.l_end_d};
}

}  // namespace

GrowthStage growth_stage(const WaterBalanceParameters& p, int day_index) {
  const StageEnds s = stage_ends(p);
  if (day_index <= s.ini) {
    return GrowthStage::kInitial;
  }
  if (day_index <= s.dev) {
    return GrowthStage::kDevelopment;
  }
  if (day_index <= s.mid) {
    return GrowthStage::kMid;
  }
  if (day_index <= s.late) {
    return GrowthStage::kLate;
  }
  return GrowthStage::kAfter;
}

double next_stage_curve_value(double yesterday, double ini, double mid, double end,
                              const WaterBalanceParameters& p, int day_index) {
  switch (growth_stage(p, day_index)) {
    case GrowthStage::kInitial:
      return ini;
    case GrowthStage::kDevelopment:
      return yesterday + (mid - ini) / p.l_dev_d;  // FAO-56 Eq. 66, one day's step
    case GrowthStage::kMid:
      return mid;
    case GrowthStage::kLate:
      return yesterday + (end - mid) / p.l_end_d;  // FAO-56 Eq. 66, one day's step
    case GrowthStage::kAfter:
      return end;
  }
  return end;
}

double climate_adjustment(double u2_m_s, double rh_min_pct, double h_m) {
  const double u2 = std::clamp(u2_m_s, 1.0, 6.0);
  const double rh_min = std::clamp(rh_min_pct, 20.0, 80.0);
  // FAO-56 Eq. 62 (Kc mid), Eq. 65 (Kc end), Eq. 70 (Kcb mid and end).
  return (0.04 * (u2 - 2.0) - 0.004 * (rh_min - 45.0)) * std::pow(h_m / 3.0, 0.3);
}

double climate_adjustment_weight(const WaterBalanceParameters& p, int day_index, double end_value) {
  const StageEnds s = stage_ends(p);
  const double w_end = end_value >= 0.45 ? 1.0 : 0.0;  // FAO-56 Eq. 65 applies for Kc end ≥ 0.45
  switch (growth_stage(p, day_index)) {
    case GrowthStage::kInitial:
      return 0.0;
    case GrowthStage::kDevelopment:
      return static_cast<double>(day_index - s.ini) / p.l_dev_d;
    case GrowthStage::kMid:
      return 1.0;
    case GrowthStage::kLate:
      return 1.0 + (w_end - 1.0) * static_cast<double>(day_index - s.mid) / p.l_end_d;
    case GrowthStage::kAfter:
      return w_end;
  }
  return w_end;
}

double kc_max(double kcb, double h_m, double u2_m_s, double rh_min_pct, ReferenceCrop reference) {
  if (reference == ReferenceCrop::kTall) {
    return std::max(1.0, kcb + 0.05);
  }
  // FAO-56 Eq. 72
  return std::max(1.2 + climate_adjustment(u2_m_s, rh_min_pct, h_m), kcb + 0.05);
}

double canopy_cover_fraction(double kcb, double kcb_ini, double kc_max, double h_m) {
  const double span = kc_max - kcb_ini;
  if (!(span > 0.0)) {
    return 0.0;
  }
  const double ratio = std::max(0.0, (kcb - kcb_ini) / span);
  return std::clamp(std::pow(ratio, 1.0 + 0.5 * h_m), 0.0, 0.99);  // FAO-56 Eq. 76
}

double plant_height_m(const WaterBalanceParameters& p, double kcb, double yesterday_m) {
  const double h =
      p.h_ini_m + (p.h_max_m - p.h_ini_m) * (kcb - p.kcb_ini) / (p.kcb_mid - p.kcb_ini);
  return std::max({h, 0.001, yesterday_m});
}

double root_depth_m(const WaterBalanceParameters& p, double trapezoid_kcb, double yesterday_m) {
  const double zr = p.zr_ini_m + (p.zr_max_m - p.zr_ini_m) * (trapezoid_kcb - p.kcb_ini) /
                                     (p.kcb_mid - p.kcb_ini);
  return std::max({zr, 0.001, yesterday_m});
}

}  // namespace egin::fieldwater

#include "egin/fieldwater/season_yield.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "egin/crops/kc_curve.hpp"
#include "egin/fieldwater/schedule.hpp"
#include "egin/fieldwater/yield_response.hpp"

namespace egin::fieldwater {

namespace {

std::string percent(double fraction) { return fmt::format("{:.1f} %", 100.0 * fraction); }

}  // namespace

std::array<StageKy, 4> stage_ky(const crops::YieldResponseFactors& factors) {
  using crops::YieldPeriod;
  std::array<StageKy, 4> out;
  // Initial: establishment, else the vegetative period's Ky.
  if (const auto ky = factors.ky(YieldPeriod::kEstablishment)) {
    out[0] = {ky, "establishment"};
  } else if (const auto veg = factors.ky(YieldPeriod::kVegetative)) {
    out[0] = {veg, "vegetative (no establishment Ky)"};
  }
  if (const auto ky = factors.ky(YieldPeriod::kVegetative)) {
    out[1] = {ky, "vegetative"};
  }
  // Mid-season: the larger of flowering and yield formation.
  const auto flowering = factors.ky(YieldPeriod::kFlowering);
  const auto formation = factors.ky(YieldPeriod::kYieldFormation);
  if (flowering && formation) {
    out[2] = *flowering >= *formation ? StageKy{flowering, "flowering (> yield formation)"}
                                      : StageKy{formation, "yield formation (> flowering)"};
    if (*flowering == *formation) {
      out[2].from = "flowering = yield formation";
    }
  } else if (flowering) {
    out[2] = {flowering, "flowering"};
  } else if (formation) {
    out[2] = {formation, "yield formation"};
  }
  if (const auto ky = factors.ky(YieldPeriod::kRipening)) {
    out[3] = {ky, "ripening"};
  }
  return out;
}

SeasonYieldReduction season_yield_reduction(
    const std::optional<crops::YieldResponseFactors>& factors, const std::string& crop,
    const WaterBalanceParameters& p, std::span<const DayRecord> days) {
  SeasonYieldReduction y;
  y.crop = crop;
  const crops::StageLengths lengths{p.l_ini_d, p.l_dev_d, p.l_mid_d, p.l_end_d};
  const int season_d = lengths.total_d();
  for (int s = 0; s < 4; ++s) {
    y.stages[static_cast<std::size_t>(s)].stage = s;
  }
  for (std::size_t k = 0; k < days.size(); ++k) {
    const int day = static_cast<int>(k);
    if (day > season_d) {
      y.days_not_counted = static_cast<int>(days.size() - k);
      break;
    }
    const auto stage = static_cast<std::size_t>(crops::growth_stage(lengths, day));
    StageYieldReduction& st = y.stages[stage];
    ++st.days;
    st.etc_mm += days[k].etc_mm;
    st.eta_mm += days[k].eta_mm;
    ++y.days;
    y.etc_mm += days[k].etc_mm;
    y.eta_mm += days[k].eta_mm;
  }
  if (!factors) {
    y.unavailable_reason = crop.empty() ? "no Ky for an inline crop" : "no Ky in FAO-33";
    return y;
  }
  y.available = true;
  y.ky_source = factors->source;
  y.ky_note = factors->note;
  y.ky_season = factors->ky_season;
  // FAO-33 / FAO-56 Eq. 90 on the season's sums.
  y.season_fraction = yield_reduction_fraction(factors->ky_season, y.eta_mm, y.etc_mm);
  const std::array<StageKy, 4> ky = stage_ky(*factors);
  std::vector<PeriodWaterUse> periods;
  for (std::size_t s = 0; s < 4; ++s) {
    StageYieldReduction& st = y.stages[s];
    st.ky = ky[s];
    if (st.ky.ky) {
      // FAO-56 Eq. 90 per stage.
      st.reduction_fraction = yield_reduction_fraction(*st.ky.ky, st.eta_mm, st.etc_mm);
      periods.push_back({*st.ky.ky, st.eta_mm, st.etc_mm});
    }
  }
  if (!periods.empty()) {
    const YieldReduction r = yield_reduction(periods);
    y.stages_fraction = r.multiplicative_fraction;
    y.most_limiting_fraction = r.minimum_fraction;
  }
  return y;
}

SeasonYieldReduction field_yield_reduction(const FieldConfig& field,
                                           std::span<const DayRecord> days) {
  return season_yield_reduction(field.yield_response, field.crop_name, field.params, days);
}

std::string yield_reduction_text(const SeasonYieldReduction& y) {
  const std::string head =
      "expected yield reduction from water stress so far (FAO-33 Ky, FAO-56 Eq. 90)";
  if (!y.available) {
    return y.crop.empty() ? fmt::format("{}: {}", head, y.unavailable_reason)
                          : fmt::format("{}: {} for {}", head, y.unavailable_reason, y.crop);
  }
  std::string text =
      fmt::format("{}: season {} (Ky {:.2f}, ETa {:.1f} of ETc {:.1f} mm over {} days)", head,
                  percent(y.season_fraction.value_or(0.0)), y.ky_season.value_or(0.0), y.eta_mm,
                  y.etc_mm, y.days);
  text += "; by stage:";
  bool first = true;
  for (const StageYieldReduction& st : y.stages) {
    text += first ? " " : ", ";
    first = false;
    if (!st.ky.ky) {
      text += fmt::format("{} no FAO-33 Ky", stage_name(st.stage));
    } else if (st.days == 0) {
      text += fmt::format("{} not reached (Ky {:.2f})", stage_name(st.stage), *st.ky.ky);
    } else {
      text += fmt::format("{} {} (Ky {:.2f}, ETa {:.1f} of {:.1f} mm)", stage_name(st.stage),
                          percent(st.reduction_fraction.value_or(0.0)), *st.ky.ky, st.eta_mm,
                          st.etc_mm);
    }
  }
  if (y.stages_fraction) {
    text += fmt::format("; stages combined {}", percent(*y.stages_fraction));
  } else {
    text += "; no per-stage Ky in FAO-33";
  }
  if (y.days_not_counted > 0) {
    text += fmt::format(" ({} after the crop calendar not counted)",
                        y.days_not_counted == 1 ? std::string("1 day")
                                                : fmt::format("{} days", y.days_not_counted));
  }
  return text;
}

}  // namespace egin::fieldwater

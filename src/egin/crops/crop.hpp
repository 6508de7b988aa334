// Crop: one crop's FAO-56 / FAO-33 parameter set as loaded from data/crops/<name>.toml — crop
// coefficients (single Kc and basal Kcb), stage lengths by region, maximum height, rooting depth,
// depletion fraction and yield response factors, each group with the source it was taken from.
// It holds data and the lookup of its named variants only: no file parsing (crop_toml.hpp), no
// Kc curve (kc_curve.hpp), no climate adjustment (FAO-56 Eq. 62/70 belong to fieldwater).
//
// | member                       | meaning                                      | unit | source   |
// |------------------------------|----------------------------------------------|------|----------|
// | kc.ini/mid/end               | single Kc per stage (RHmin 45 %, u2 2 m/s)   | -    | Table 12 |
// | kcb.ini/mid/end              | basal Kcb per stage                          | -    | Table 17 |
// | h_max_m                      | mean maximum crop height                     | m    | Table 12 |
// | lengths.ini/dev/mid/late_d   | stage lengths, one region and planting month | d    | Table 11 |
// | zr_max_low_m, zr_max_high_m  | range of the maximum effective root depth    | m    | Table 22 |
// | p                            | depletion fraction for no stress (ETc 5 mm/d)| -    | Table 22 |
// | ky_season, ky per period     | yield response factor                        | -    | FAO-33 T.24 |
// (Tables are FAO-56's unless named otherwise.)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace egin::crops {

/// Lengths of the four FAO-56 growth stages (Fig. 25), days.
struct StageLengths {
  int ini_d = 0;
  int dev_d = 0;
  int mid_d = 0;
  int late_d = 0;
  [[nodiscard]] int total_d() const { return ini_d + dev_d + mid_d + late_d; }
};

/// A coefficient's value at the initial stage, during the mid-season stage and at the end of the
/// late-season stage (FAO-56 Fig. 25 and 34).
struct StageCoefficients {
  double ini = 0.0;
  double mid = 0.0;
  double end = 0.0;
};

/// One row of FAO-56 Table 12 (with the matching row of Table 17 when FAO gives one), e.g. an
/// orchard "with active ground cover, killing frost".
struct CoefficientSet {
  std::string name;
  std::string description;
  StageCoefficients kc;
  std::string kc_source;
  std::optional<StageCoefficients> kcb;  // absent where Table 17 has no such row
  std::string kcb_source;
  double h_max_m = 0.0;
  std::string h_source;
};

/// One row of FAO-56 Table 11: the stage lengths for a region and planting month.
struct StageVariant {
  std::string name;
  std::string region;
  std::string planting;  // planting (or green-up) month as FAO gives it
  StageLengths lengths;
  std::string source;
};

/// FAO-33 growth periods for which Ky is tabulated. They are phenological periods, not the four
/// FAO-56 Kc stages: the caller decides which days belong to each.
enum class YieldPeriod { kEstablishment, kVegetative, kFlowering, kYieldFormation, kRipening };

/// "establishment", "vegetative", "flowering", "yield_formation", "ripening".
std::string_view yield_period_name(YieldPeriod period);

struct YieldResponseFactors {
  double ky_season = 0.0;
  std::vector<std::pair<YieldPeriod, double>> ky_periods;  // in growth order; may be empty
  std::string source;
  std::string note;
  /// Ky of `period`, or nullopt when FAO-33 gives none.
  [[nodiscard]] std::optional<double> ky(YieldPeriod period) const;
};

struct Crop {
  std::string name;  // as in the file, e.g. "sweet_pepper"
  std::vector<std::string> aliases;
  std::string description;
  std::string source_file;  // where it was loaded from, for messages

  std::vector<CoefficientSet> coefficient_sets;  // at least one
  std::string default_coefficients;              // a name in coefficient_sets
  std::vector<StageVariant> stage_variants;      // at least one
  std::string default_stages;                    // a name in stage_variants

  double zr_max_low_m = 0.0;
  double zr_max_high_m = 0.0;
  std::string roots_source;
  double p = 0.0;
  std::string depletion_source;
  std::optional<YieldResponseFactors> yield_response;  // absent where FAO-33 gives no Ky
  std::string notes;

  /// Stage lengths of the variant `name` (case, '_' and '-' ignored); "" gives the default.
  /// An unknown name throws egin::InputError listing the variants.
  [[nodiscard]] const StageVariant& stages(std::string_view variant = {}) const;
  /// Coefficient set `name`; "" gives the default. Unknown names throw egin::InputError.
  [[nodiscard]] const CoefficientSet& coefficients(std::string_view variant = {}) const;
};

}  // namespace egin::crops

// FieldConfig: one field as an agronomist describes it in a field file (FIELD.toml, format in
// docs/formats/field-file.md) — crop by name from data/crops (stage variant and coefficient set
// optional) or inline, planting date, soil texture class from data/soils or inline, initial
// water, area, irrigation method, strategy, recorded irrigation, effective-rain method and model
// options — resolved into the water balance's parameters, options and irrigation strategy.
// It reads and checks the file (every problem an egin::InputError with file, line, key and
// accepted range; unknown keys rejected); it runs nothing and reads no weather.
//
// Where each WaterBalanceParameters value comes from (a key in the field file overrides it):
// | parameter             | default source                                                   |
// |-----------------------|------------------------------------------------------------------|
// | kcb_ini/mid/end       | crop's coefficient set, FAO-56 Table 17                           |
// | kcm_ini/mid/end       | crop's coefficient set, FAO-56 Table 12 (single Kc)               |
// | l_ini/dev/mid/end_d   | crop's stage variant, FAO-56 Table 11                             |
// | h_max_m               | crop's coefficient set, FAO-56 Table 12                           |
// | h_ini_m               | 0.05 m (a seedling; set it for orchards)                          |
// | zr_max_m              | midpoint of the crop's FAO-56 Table 22 range                      |
// | zr_ini_m              | 0.20 m (FAO-56 Ch. 8: Zr at sowing 0.15-0.20 m)                   |
// | p_base                | crop, FAO-56 Table 22                                             |
// | θFC, θWP, REW, Ze     | soil texture class, FAO-56 Table 19 (midpoints), p. 144           |
// | cn2                   | soil texture class (TR-55 curve number, AMC II)                   |
// | θ0                    | field capacity (after the pre-sowing irrigation usual in the      |
// |                       | region) unless initial_depletion_mm/_fraction or theta0 is given |
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/agromet/et0.hpp"
#include "egin/core/date.hpp"
#include "egin/crops/crop_library.hpp"
#include "egin/fieldwater/application_method.hpp"
#include "egin/fieldwater/effective_rainfall.hpp"
#include "egin/fieldwater/irrigation_source.hpp"
#include "egin/fieldwater/irrigation_strategies.hpp"
#include "egin/fieldwater/model_options.hpp"
#include "egin/fieldwater/parameters.hpp"
#include "egin/soils/soil_library.hpp"

namespace egin::fieldwater {

struct FieldConfig {
  std::string name;
  std::string description;
  std::string source;  // the field file, for messages
  double area_ha = 1.0;
  Date planting;

  // What the parameters were taken from (for reports).
  std::string crop_name;  // "" when inline
  std::string stage_variant;
  std::string coefficient_set;
  std::string soil_name;  // "" when inline
  // The named crop's FAO-33 yield response factors (season_yield.hpp); absent for inline crops
  // and for crops FAO-33 gives no Ky for.
  std::optional<crops::YieldResponseFactors> yield_response;

  WaterBalanceParameters params;
  WaterBalanceOptions options;
  agromet::Et0Method et0_method = agromet::Et0Method::kFao56;

  ApplicationMethod method = ApplicationMethod::kFurrow;
  double efficiency_pct = 60.0;
  double fw = 0.8;
  StrategySettings strategy;              // efficiency and fw copied in
  std::vector<IrrigationEvent> recorded;  // gross depths as applied, by date
  // The past before the as-of date: only the recorded events (false), or the strategy on the
  // days without one (true: the farm follows the strategy and logs only exceptions).
  bool history_follows_strategy = false;

  bool effective_rain_enabled = false;  // false: all rain enters (with runoff if enabled)
  EffectiveRainSettings effective_rain;

  std::filesystem::path weather;  // per-field weather file (resolved), empty when none

  [[nodiscard]] int season_length_d() const {
    return params.l_ini_d + params.l_dev_d + params.l_mid_d + params.l_end_d;
  }
  /// The last day of the crop calendar (planting + L_total).
  [[nodiscard]] Date harvest() const { return planting + season_length_d(); }
  [[nodiscard]] const ApplicationMethodInfo& method_info() const {
    return application_method_info(method);
  }
};

/// Parses a field file's text. `source` names it in messages and is the base for relative
/// paths (the weather key). Throws egin::InputError.
[[nodiscard]] FieldConfig parse_field_config(std::string_view text, const std::string& source,
                                             const crops::CropLibrary& crops,
                                             const soils::SoilLibrary& soils);

/// Reads and parses the file at `path`.
[[nodiscard]] FieldConfig load_field_config(const std::filesystem::path& path,
                                            const crops::CropLibrary& crops,
                                            const soils::SoilLibrary& soils);

/// The strategy of the field with its recorded events; the strategy decides from
/// `strategy_from` on (nullopt: only recorded events, never the strategy).
[[nodiscard]] IrrigationStrategy make_field_strategy(const FieldConfig& field,
                                                     std::optional<Date> strategy_from);

}  // namespace egin::fieldwater

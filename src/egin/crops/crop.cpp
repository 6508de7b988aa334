#include "egin/crops/crop.hpp"

#include "egin/core/input_error.hpp"
#include "egin/core/toml_fields.hpp"

namespace egin::crops {
namespace {

template <typename T>
const T& find_variant(const std::vector<T>& variants, std::string_view wanted,
                      const std::string& fallback, const Crop& crop, const char* field) {
  const std::string key = normalize_name(wanted.empty() ? std::string_view(fallback) : wanted);
  std::vector<std::string> names;
  for (const T& v : variants) {
    if (normalize_name(v.name) == key) {
      return v;
    }
    names.push_back(v.name);
  }
  throw InputError({crop.source_file, 0, field},
                   "crop '" + crop.name + "' has no variant '" + std::string(wanted) + "'",
                   "one of: " + join_names(names));
}

}  // namespace

std::string_view yield_period_name(YieldPeriod period) {
  switch (period) {
    case YieldPeriod::kEstablishment:
      return "establishment";
    case YieldPeriod::kVegetative:
      return "vegetative";
    case YieldPeriod::kFlowering:
      return "flowering";
    case YieldPeriod::kYieldFormation:
      return "yield_formation";
    case YieldPeriod::kRipening:
      return "ripening";
  }
  return "unknown";
}

std::optional<double> YieldResponseFactors::ky(YieldPeriod period) const {
  for (const auto& [p, value] : ky_periods) {
    if (p == period) {
      return value;
    }
  }
  return std::nullopt;
}

const StageVariant& Crop::stages(std::string_view variant) const {
  return find_variant(stage_variants, variant, default_stages, *this, "stages");
}

const CoefficientSet& Crop::coefficients(std::string_view variant) const {
  return find_variant(coefficient_sets, variant, default_coefficients, *this, "coefficients");
}

}  // namespace egin::crops

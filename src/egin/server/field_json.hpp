// A field's irrigation advice as the API shows it (GET /api/v1/fields/{field}/recommendation):
// the field, the recommendation with its reason in words and every number of its trace, the
// root-zone state as of the last observed day, the water balance of every observed day
// (depletion Dr against TAW and RAW, ETc, ETa, rain, irrigation, runoff, deep percolation) and
// the projected days. Names follow `egin schedule --format json`. NaN becomes null.
// It must not run anything (runtime::FieldAdvisor does).
#pragma once

#include <nlohmann/json.hpp>

#include "egin/runtime/field_advisor.hpp"

namespace egin::server {

nlohmann::json field_info_json(const runtime::FieldInfo& info);
nlohmann::json advice_json(const runtime::FieldAdvice& advice);
/// The recommendation alone (the field list's summary).
nlohmann::json recommendation_json(const runtime::FieldAdvice& advice);

}  // namespace egin::server

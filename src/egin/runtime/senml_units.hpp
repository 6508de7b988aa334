// SenML units egin accepts for a channel: the primary units of the IANA SenML Units registry
// (RFC 8428 §12.1 and RFC 8798 §2), the secondary units of RFC 8798 §3, and a few units
// agronomy needs that neither registers (marked egin in senml_units.cpp: kPa, umol/m2/s, …).
// It must not convert between units: a channel has one unit, readings must carry it or none.
#pragma once

#include <span>
#include <string_view>

namespace egin::runtime {

/// Every accepted unit symbol, registry order first, then egin's additions.
std::span<const std::string_view> known_units();

/// Case-sensitive, as SenML units are ("Cel", not "cel").
bool is_known_unit(std::string_view unit);

}  // namespace egin::runtime

#include "egin/runtime/senml_units.hpp"

#include <algorithm>
#include <iterator>

namespace egin::runtime {
namespace {

constexpr std::string_view kUnits[] = {
    // RFC 8428 §12.1: SenML primary units.
    "m", "kg", "g", "s", "A", "K", "cd", "mol", "Hz", "rad", "sr", "N", "Pa", "J", "W", "C", "V",
    "F", "Ohm", "S", "Wb", "T", "H", "Cel", "lm", "lx", "Bq", "Gy", "Sv", "kat", "m2", "m3", "l",
    "m/s", "m/s2", "m3/s", "l/s", "W/m2", "cd/m2", "bit", "bit/s", "lat", "lon", "pH", "dB", "dBW",
    "Bspl", "count", "/", "%", "%RH", "%EL", "EL", "1/s", "1/min", "beat/min", "beats", "S/m",
    // RFC 8798 §2: further primary units.
    "B", "VA", "VAs", "var", "vars", "J/m", "kg/m3", "deg",
    // RFC 8798 §3: secondary units (linear transformations of primary ones).
    "ms", "min", "h", "MHz", "kW", "kVA", "kvar", "Ah", "Wh", "kWh", "varh", "kvarh", "kVAh",
    "Wh/km", "KiB", "GB", "Mbit/s", "B/s", "MB/s", "mV", "mA", "dBm", "ug/m3", "mm/h", "m/h", "ppm",
    "/100", "/1000", "hPa", "mm", "cm", "km", "km/h",
    // egin: agronomic units no SenML registry holds.
    "kPa",        // vapour pressure deficit, soil water tension
    "umol/m2/s",  // photosynthetic photon flux density (PAR)
    "mol/m2",     // daily light integral
    "MJ/m2",      // radiation sum
    "mm/d",       // evapotranspiration
    "m3/h",       // irrigation flow
    "l/h",        // dripper flow
    "dS/m",       // electrical conductivity of nutrient solution
    "g/m3",       // humidity deficit, absolute humidity (derived series)
    "J/cm2",      // radiation sum since sunrise, as growers count it for irrigation starts
    "mol/m2/d",   // daily light integral per day (derived series)
    "Cel.d",      // growing degree days
};

}  // namespace

std::span<const std::string_view> known_units() { return kUnits; }

bool is_known_unit(std::string_view unit) {
  return std::find(std::begin(kUnits), std::end(kUnits), unit) != std::end(kUnits);
}

}  // namespace egin::runtime

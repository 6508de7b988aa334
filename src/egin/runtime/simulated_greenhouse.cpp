#include "egin/runtime/simulated_greenhouse.hpp"

#include <utility>

namespace egin::runtime {

std::optional<GreenhouseQuantity> parse_greenhouse_quantity(std::string_view name) {
  static constexpr std::pair<std::string_view, GreenhouseQuantity> kNames[] = {
      {"air_temperature", GreenhouseQuantity::kAirTemperature},
      {"relative_humidity", GreenhouseQuantity::kRelativeHumidity},
      {"co2", GreenhouseQuantity::kCo2},
      {"par", GreenhouseQuantity::kPar},
      {"pipe_temperature", GreenhouseQuantity::kPipeTemperature},
      {"outdoor_temperature", GreenhouseQuantity::kOutdoorTemperature},
      {"outdoor_radiation", GreenhouseQuantity::kOutdoorRadiation},
  };
  for (const auto& [text, quantity] : kNames) {
    if (text == name) {
      return quantity;
    }
  }
  return std::nullopt;
}

}  // namespace egin::runtime

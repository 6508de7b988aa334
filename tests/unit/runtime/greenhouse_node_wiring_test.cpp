#include "egin/runtime/greenhouse_node_wiring.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "egin/core/toml_fields.hpp"
#include "egin/devices/ksx3267_codes.hpp"
#include "egin/devices/sim_config.hpp"

namespace egin::runtime {
namespace {

namespace fs = std::filesystem;
using A = control::ActuatorId;
using Q = GreenhouseQuantity;

const fs::path kDemo = fs::path(EGIN_SOURCE_DIR) / "data" / "demo";

devices::SimNodeConfig default_node(int slave, std::uint16_t product_type) {
  devices::SimNodeConfig node;
  node.slave = slave;
  node.product_type = product_type;
  return node;
}

// The demo farm names its wiring by hand (farm.toml [[wiring]]); the wiring by device code of its
// nodes file must be the same, slot for slot (a peer of the rule).
TEST(GreenhouseNodeWiring, ReproducesTheDemoFarmsWiring) {
  const devices::SimConfig nodes = devices::load_sim_config(kDemo / "nodes.toml");
  const GreenhouseNodeWiring wiring = wiring_by_device_code(nodes.nodes, 1800.0);

  std::ifstream in(kDemo / "farm.toml");
  std::stringstream text;
  text << in.rdbuf();
  const toml::table farm = parse_toml_text(text.str(), "farm.toml");
  GreenhouseNodeWiring expected;
  for (const auto& node : *farm["wiring"].as_array()) {
    const toml::table& t = *node.as_table();
    const int slave = static_cast<int>(*t["slave"].value<std::int64_t>());
    for (const auto& [slot, what] : *t["slots"].as_table()) {
      const std::pair key{slave, std::stoi(std::string(slot.str()))};
      const std::string name = *what.value<std::string>();
      if (const auto q = parse_greenhouse_quantity(name); q && slave == 1) {
        expected.sensors[key] = *q;
      } else {
        A id{};
        ASSERT_TRUE(control::actuator_from_key(name, id)) << name;
        expected.actuators[key] = id;
      }
    }
  }
  ASSERT_EQ(expected.sensors.size(), 5U);
  ASSERT_EQ(expected.actuators.size(), 6U);
  EXPECT_EQ(wiring.sensors, expected.sensors);
  EXPECT_EQ(wiring.actuators, expected.actuators);
  EXPECT_DOUBLE_EQ(wiring.manual_hold_s, 1800.0);
}

// The Annex A default sensor node (reference §1.5, sim_node.cpp default_device_codes): slots 1–3
// temperature, 4 humidity, 9 radiation, 13 CO2, 15 PAR; the later temperature and humidity
// slots (20–28) have no more twin quantity to read.
TEST(GreenhouseNodeWiring, AnnexADefaultSensorNode) {
  const GreenhouseNodeWiring w =
      wiring_by_device_code({default_node(3, ksx3267::kProductSensorNode)}, 3600.0);
  const std::map<std::pair<int, int>, Q> expected{
      {{3, 1}, Q::kAirTemperature},
      {{3, 2}, Q::kPipeTemperature},
      {{3, 3}, Q::kOutdoorTemperature},
      {{3, 4}, Q::kRelativeHumidity},
      {{3, 9}, Q::kOutdoorRadiation},
      {{3, 13}, Q::kCo2},
      {{3, 15}, Q::kPar},
  };
  EXPECT_EQ(w.sensors, expected);
  EXPECT_TRUE(w.actuators.empty());
}

// The Annex A default actuator node (§1.6): 16 switches then 8 openers.
TEST(GreenhouseNodeWiring, AnnexADefaultActuatorNode) {
  const GreenhouseNodeWiring w =
      wiring_by_device_code({default_node(2, ksx3267::kProductActuatorNode)}, 3600.0);
  const std::map<std::pair<int, int>, A> expected{
      {{2, 1}, A::kCo2},          {{2, 2}, A::kFogging},         {{2, 3}, A::kLamps},
      {{2, 17}, A::kVentLee},     {{2, 18}, A::kVentWind},       {{2, 19}, A::kScreenEnergy},
      {{2, 20}, A::kScreenShade}, {{2, 21}, A::kScreenBlackout},
  };
  EXPECT_EQ(w.actuators, expected);
  EXPECT_TRUE(w.sensors.empty());
}

// Two nodes count their slots apart: the second sensor node's first temperature is the air again.
TEST(GreenhouseNodeWiring, EachNodeCountsItsOwnSlots) {
  devices::SimNodeConfig a = default_node(1, ksx3267::kProductSensorNode);
  a.device_codes = {2, 1};
  devices::SimNodeConfig b = default_node(4, ksx3267::kProductSensorNode);
  b.device_codes = {1, 14, 1};
  const GreenhouseNodeWiring w = wiring_by_device_code({a, b}, 3600.0);
  const std::map<std::pair<int, int>, Q> expected{
      {{1, 1}, Q::kRelativeHumidity},
      {{1, 2}, Q::kAirTemperature},
      {{4, 1}, Q::kAirTemperature},
      {{4, 3}, Q::kPipeTemperature},
  };
  EXPECT_EQ(w.sensors, expected);
}

}  // namespace
}  // namespace egin::runtime

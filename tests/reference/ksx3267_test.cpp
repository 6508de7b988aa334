// KS X 3267 reference tables (tests/reference/data/ksx3267/, from the project's reconstruction
// of the standard): the default register maps, codes and captured frames, checked against the
// devices library's codec and Annex A maps.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "egin/devices/ksx3267_codec.hpp"
#include "egin/devices/ksx3267_codes.hpp"
#include "egin/devices/node_map.hpp"
#include "egin/devices/sim_node.hpp"

namespace egin::ksx3267 {
namespace {

using Row = std::vector<std::string>;

std::vector<Row> read_csv(const std::string& name) {
  std::ifstream in(std::string(EGIN_REFERENCE_DATA) + "/ksx3267/" + name);
  EXPECT_TRUE(in) << name;
  std::vector<Row> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') {
      continue;
    }
    if (header) {
      header = false;
      continue;
    }
    Row row;
    std::stringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) {
      row.push_back(cell);
    }
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::uint16_t> hex_words(const std::string& text) {
  std::vector<std::uint16_t> words;
  std::stringstream in(text);
  for (std::string word; in >> word;) {
    words.push_back(static_cast<std::uint16_t>(std::stoul(word, nullptr, 16)));
  }
  return words;
}

TEST(Ksx3267Reference, SensorNodeDefaultMap) {
  const auto rows = read_csv("sensor_map.csv");
  ASSERT_EQ(rows.size(), 30U);
  const auto codes = devices::default_device_codes(kProductSensorNode);
  NodeInfo info;
  info.product_type = kProductSensorNode;
  info.channel_count = 30;
  const devices::NodeMap map = devices::default_node_map(info, codes);
  ASSERT_EQ(map.sensors.size(), 30U);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    EXPECT_EQ(map.sensors[i].slot, std::stoi(row[0])) << row[3];
    EXPECT_EQ(map.sensors[i].value_reg, std::stoi(row[1])) << row[3];
    EXPECT_EQ(map.sensors[i].status_reg, std::stoi(row[2])) << row[3];
    EXPECT_EQ(map.sensors[i].code, std::stoi(row[4])) << row[3];
  }
}

TEST(Ksx3267Reference, ActuatorNodeDefaultMap) {
  const auto rows = read_csv("actuator_map.csv");
  ASSERT_FALSE(rows.empty());
  const auto codes = devices::default_device_codes(kProductActuatorNode);
  NodeInfo info;
  info.product_type = kProductActuatorNode;
  info.channel_count = 24;
  const devices::NodeMap map = devices::default_node_map(info, codes);
  for (const auto& row : rows) {
    const std::string id = row[0] + "_" + row[1];
    const auto it = std::find_if(map.actuators.begin(), map.actuators.end(),
                                 [&](const devices::ActuatorChannel& a) { return a.id == id; });
    ASSERT_NE(it, map.actuators.end()) << id;
    EXPECT_EQ(100 + it->slot, std::stoi(row[2])) << id;
    EXPECT_EQ(it->code, std::stoi(row[3])) << id;
    EXPECT_EQ(it->status_first, std::stoi(row[4])) << id;
    EXPECT_EQ(it->status_first + it->status_length - 1, std::stoi(row[5])) << id;
    EXPECT_EQ(it->command_first, std::stoi(row[6])) << id;
    EXPECT_EQ(it->command_first + it->command_length - 1, std::stoi(row[7])) << id;
  }
}

TEST(Ksx3267Reference, Codes) {
  for (const auto& row : read_csv("codes.csv")) {
    const auto code = static_cast<std::uint16_t>(std::stoi(row[1]));
    if (row[0] == "sensor") {
      ASSERT_TRUE(sensor_kind(code)) << row[2];
      EXPECT_EQ(sensor_kind(code)->unit, row[3]) << row[2];
    } else if (row[0] == "actuator") {
      ASSERT_TRUE(actuator_device(code)) << row[2];
      EXPECT_EQ(actuator_kind_name(actuator_device(code)->kind), row[2]);
      EXPECT_EQ(actuator_device(code)->level, std::stoi(row[3]));
    } else if (row[0].starts_with("command_")) {
      const ActuatorKind kind =
          row[0] == "command_switch" ? ActuatorKind::kSwitch : ActuatorKind::kOpener;
      const auto command = parse_command(row[2], kind);
      ASSERT_TRUE(command) << row[2];
      EXPECT_EQ(static_cast<int>(*command), code) << row[2];
      EXPECT_EQ(command_level(*command), std::stoi(row[3])) << row[2];
    } else if (row[0] == "status") {
      EXPECT_EQ(status_name(code), row[2]) << code;
    }
  }
}

TEST(Ksx3267Reference, Frames) {
  for (const auto& row : read_csv("frames.csv")) {
    const auto regs = hex_words(row[2]);
    if (row[1] == "node_info") {
      const auto info = decode_node_info(regs);
      ASSERT_TRUE(info) << row[0] << ": " << info.problem;
      const std::string text = "cert=" + std::to_string(info.value->certification_authority) +
                               " company=" + std::to_string(info.value->company_code) +
                               " type=" + std::to_string(info.value->product_type) +
                               " product=" + std::to_string(info.value->product_code) +
                               " version=" + std::to_string(info.value->protocol_version) +
                               " channels=" + std::to_string(info.value->channel_count) +
                               " serial=" + std::to_string(info.value->serial_number);
      EXPECT_EQ(text, row[3]) << row[0];
    } else if (row[1] == "float") {
      EXPECT_NEAR(devices::join_f32(regs[0], regs[1], devices::WordOrder::kCdab), std::stod(row[3]),
                  5e-5)
          << row[0];
    } else if (row[1] == "codes") {
      std::string text;
      for (const auto code : regs) {
        text += (text.empty() ? "" : " ") + std::string(sensor_kind(code)->stem);
      }
      EXPECT_EQ(text, row[3]) << row[0];
    }
  }
}

}  // namespace
}  // namespace egin::ksx3267

#include "egin/devices/ksx3286_spec.hpp"

#include <gtest/gtest.h>

#include "egin/core/input_error.hpp"

namespace egin::devices {
namespace {

// The CommSpec of reference §1.8 (a level-1 switch read at 203 [opid, status, remain-time],
// written at 503 [operation, opid, hold-time]) and a sensor with its status before its value.
constexpr const char* kSpec = R"([{
  "CompanyCode": 8877, "ProductType": 2, "ProductCode": 5, "Model": "SWITCH-LV1",
  "Devices": [
    {"Slot": 1, "DeviceCode": 102, "Class": "actuator", "Type": "switch/level1", "Name": "스위치1",
     "CommSpec": {"KS-X-3267:2018": {
       "read":  {"starting-register": 203, "items": ["opid", "status", "remain-time"]},
       "write": {"starting-register": 503, "items": ["operation", "opid", "hold-time"]}}}},
    {"Slot": 2, "DeviceCode": 11, "Class": "sensor", "ValueUnit": "ppm", "ValueType": "float",
     "CommSpec": {"KS-X-3267:2018": {
       "read": {"starting-register": 300, "items": ["status", "value"]}}}}]}])";

TEST(Ksx3286Spec, AddressesFromItemSizes) {
  const auto specs = parse_ksx3286_specs(kSpec, "vendor.json");
  ASSERT_EQ(specs.size(), 1U);
  const NodeSpec& spec = specs[0];
  EXPECT_EQ(spec.company_code, 8877);
  EXPECT_EQ(spec.model, "SWITCH-LV1");
  ASSERT_EQ(spec.map.actuators.size(), 1U);
  const ActuatorChannel& sw = spec.map.actuators[0];
  EXPECT_EQ(sw.status_first, 203);
  EXPECT_EQ(sw.status_length, 4);  // opid 1 + status 1 + remain-time 2
  EXPECT_EQ(sw.status_opid, 0);
  EXPECT_EQ(sw.status_code, 1);
  EXPECT_EQ(sw.status_remain, 2);
  EXPECT_EQ(sw.command_first, 503);
  EXPECT_EQ(sw.command_time, 2);
  ASSERT_EQ(spec.map.sensors.size(), 1U);
  EXPECT_EQ(spec.map.sensors[0].status_reg, 300);
  EXPECT_EQ(spec.map.sensors[0].value_reg, 301);
  EXPECT_EQ(spec.map.sensors[0].id, "co2_1");
  ksx3267::NodeInfo info;
  info.company_code = 8877;
  info.product_type = 2;
  info.product_code = 5;
  EXPECT_EQ(find_spec(specs, info), &specs[0]);
  info.product_code = 6;
  EXPECT_EQ(find_spec(specs, info), nullptr);
  EXPECT_EQ(ksx3286_item_size("state-hold-time"), 2);
  EXPECT_FALSE(ksx3286_item_size("colour"));
}

TEST(Ksx3286Spec, ErrorsNameTheJsonPath) {
  auto error = [](const std::string& text) {
    try {
      parse_ksx3286_specs(text, "v.json");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error("{").find("not JSON"), std::string::npos);
  // A number beyond double: nlohmann's out_of_range, not a parse_error (found by fuzz_modbus_response).
  EXPECT_NE(error(R"({"CompanyCode": 8e877, "ProductType": 2})").find("not JSON"),
            std::string::npos);
  EXPECT_NE(error(R"({"CompanyCode": 1, "ProductType": 9, "ProductCode": 0, "Devices": []})")
                .find("$.ProductType"),
            std::string::npos);
  const std::string bad_item =
      R"({"CompanyCode": 1, "ProductType": 1, "ProductCode": 0, "Devices": [{"Slot": 1,
      "DeviceCode": 1, "CommSpec": {"KS-X-3267:2018": {"read": {"starting-register": 203,
      "items": ["value", "colour"]}}}}]})";
  EXPECT_NE(error(bad_item).find("$.Devices[0].CommSpec.KS-X-3267:2018.read.items[1]"),
            std::string::npos);
}

}  // namespace
}  // namespace egin::devices

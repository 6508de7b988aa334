#include "egin/devices/mqtt_bridge.hpp"

#include <gtest/gtest.h>

namespace egin::devices {
namespace {

constexpr double kNow = 1'796'000'000.0;

TEST(MqttCommandPack, ParsesOneCommand) {
  const MqttCommand c = parse_mqtt_command(
      "gh1", "vents",
      R"([{"n":"opener_1","vs":"timed_open"},{"n":"opener_1/duration","u":"s","v":45},
          {"n":"requested_by","vs":"panel-1"},{"n":"request_id","vs":"r-17"}])",
      kNow);
  EXPECT_EQ(c.problem, "");
  EXPECT_EQ(c.zone, "gh1");
  EXPECT_EQ(c.device, "vents");
  EXPECT_EQ(c.actuator, "opener_1");
  EXPECT_EQ(c.command, "timed_open");
  EXPECT_DOUBLE_EQ(*c.duration_s, 45.0);
  EXPECT_EQ(c.requested_by, "panel-1");
  EXPECT_EQ(c.request_id, "r-17");
}

TEST(MqttCommandPack, RejectsWhatIsNotOneCommand) {
  EXPECT_NE(parse_mqtt_command("z", "d", "not json", kNow).problem, "");
  EXPECT_NE(parse_mqtt_command("z", "d", R"([{"n":"requested_by","vs":"x"}])", kNow).problem, "");
  EXPECT_NE(parse_mqtt_command("z", "d", R"([{"n":"a","vs":"on"},{"n":"b","vs":"on"}])", kNow)
                .problem.find("more than one"),
            std::string::npos);
  EXPECT_NE(parse_mqtt_command("z", "d", R"([{"n":"a","v":1}])", kNow).problem, "");
  EXPECT_NE(parse_mqtt_command("z", "d", R"([{"n":"a","vs":"on"},{"n":"a/duration","v":-1}])", kNow)
                .problem,
            "");
}

TEST(MqttCommandPack, AckCarriesTheOutcome) {
  CommandRecord r;
  r.id = "5-1";
  r.actuator = "switch_2";
  r.command = "timed_on";
  r.opid = 12;
  r.status = 201;
  r.remaining_s = 30;
  r.request_id = "r-9";
  r.result = CommandResult::kConfirmed;
  r.requested_ms = 1'796'000'000'000;
  r.confirmed_ms = 1'796'000'000'100;
  const std::string ack = mqtt_ack_payload(r);
  const SenmlPack pack = parse_senml_json(ack, kNow);
  ASSERT_TRUE(pack.errors.empty());
  std::map<std::string, SenmlRecord> by_name;
  for (const auto& rec : pack.records) {
    by_name[rec.name] = rec;
  }
  EXPECT_EQ(*by_name.at("switch_2/result").string_value, "confirmed");
  EXPECT_DOUBLE_EQ(*by_name.at("switch_2/opid").value, 12.0);
  EXPECT_DOUBLE_EQ(*by_name.at("switch_2/remaining").value, 30.0);
  EXPECT_EQ(by_name.at("switch_2/remaining").unit, "s");
  EXPECT_EQ(*by_name.at("switch_2/request_id").string_value, "r-9");
  EXPECT_DOUBLE_EQ(by_name.at("switch_2/result").time_s, 1'796'000'000.1);
}

}  // namespace
}  // namespace egin::devices

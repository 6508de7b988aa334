#include "egin/runtime/devices_file.hpp"

#include <gtest/gtest.h>

#include "egin/core/input_error.hpp"

namespace egin::runtime {
namespace {

TEST(DevicesFile, ParsesBusesNodesCommandsAndBridge) {
  const DevicesConfig config = parse_devices_toml(R"(
[commands]
confirm_timeout_ms = 2000
max_attempts = 2

[mqtt_bridge]
publish_obs = true
allow = ["gh1/vents/*"]
requesters = ["panel-*"]

[[buses]]
id = "rs485-1"
rtu = "/dev/ttyUSB0"
baud = 4800
parity = "even"
response_timeout_ms = 300
retry_s = 1.5
specs = ["vendor.json"]

[[buses.nodes]]
slave = 1
zone = "gh1"
device = "climate"
address_offset = "auto"
period_s = 60
channels = { temperature_1 = "t_air" }

[[buses.nodes]]
slave = 2
zone = "gh1"
device = "vents"
address_offset = -1
store_status = false

[[buses]]
id = "lan"
tcp = "192.168.1.50:502"
)",
                                                  "devices.toml", "/etc/egin");
  EXPECT_EQ(config.commands.confirm_timeout_ms, 2000);
  EXPECT_EQ(config.commands.max_attempts, 2);
  EXPECT_TRUE(config.mqtt_bridge.present);
  EXPECT_TRUE(config.mqtt_bridge.publish_obs);
  EXPECT_EQ(config.mqtt_bridge.authorisation.targets, std::vector<std::string>{"gh1/vents/*"});
  ASSERT_EQ(config.buses.size(), 2U);
  const BusWiring& rtu = config.buses[0];
  const auto& line = std::get<devices::SerialLine>(rtu.link.where);
  EXPECT_EQ(line.device, "/dev/ttyUSB0");
  EXPECT_EQ(line.baud, 4800);
  EXPECT_EQ(line.parity, devices::Parity::kEven);
  EXPECT_EQ(rtu.link.response_timeout_ms, 300);
  EXPECT_DOUBLE_EQ(rtu.poller.retry_s, 1.5);
  EXPECT_EQ(rtu.specs, std::vector<std::filesystem::path>{"/etc/egin/vendor.json"});
  ASSERT_EQ(rtu.nodes.size(), 2U);
  EXPECT_FALSE(rtu.nodes[0].address_offset.has_value());
  EXPECT_EQ(rtu.nodes[0].channels.at("temperature_1"), "t_air");
  EXPECT_EQ(rtu.nodes[1].address_offset, -1);
  EXPECT_FALSE(rtu.nodes[1].store_status);
  EXPECT_EQ(std::get<devices::TcpEndpoint>(config.buses[1].link.where).port, 502);
}

TEST(DevicesFile, ErrorsNameLineKeyAndRange) {
  auto error = [](const std::string& text) -> InputError {
    try {
      parse_devices_toml(text, "devices.toml");
    } catch (const InputError& e) {
      return e;
    }
    throw std::runtime_error("no error for: " + text);
  };
  EXPECT_EQ(error("[[buses]]\nid = \"a\"\n").where().field, "buses[0].tcp");
  EXPECT_EQ(error("[[buses]]\nid = \"a\"\ntcp = \"h:1\"\nrtu = \"/dev/x\"\n").where().field,
            "buses[0].rtu");
  const InputError slave = error(
      "[[buses]]\nid = \"a\"\ntcp = \"h:1\"\n[[buses.nodes]]\nslave = 0\nzone = \"z\"\ndevice = "
      "\"d\"\n");
  EXPECT_EQ(slave.where().field, "buses[0].nodes[0].slave");
  EXPECT_EQ(slave.where().line, 5);
  EXPECT_EQ(slave.expected(), "1 to 247");
  EXPECT_EQ(error("[[buses]]\nid = \"a\"\ntcp = \"h:99999\"\n").where().field, "buses[0].tcp");
  EXPECT_EQ(error("[[buses]]\nid = \"a\"\nrtu = \"/dev/x\"\nbaud = 12\n").where().field,
            "buses[0].baud");
  EXPECT_EQ(error("[[buses]]\nid = \"a\"\ntcp = \"h:1\"\n[[buses]]\nid = \"a\"\ntcp = \"h:2\"\n")
                .where()
                .field,
            "buses[1].id");
  EXPECT_EQ(error("[[buses]]\nid = \"a\"\ntcp = \"h:1\"\n[[buses.nodes]]\nslave = 1\nzone = \"z\"\n"
                  "device = \"d\"\naddress_offset = \"up\"\n")
                .where()
                .field,
            "buses[0].nodes[0].address_offset");
  EXPECT_NE(std::string(error("wiring = 1\n").what()).find("wiring"), std::string::npos);
}

TEST(DevicesFile, NodesMustNameZonesOfTheSite) {
  const DevicesConfig config = parse_devices_toml(
      "[[buses]]\nid = \"a\"\ntcp = \"h:1\"\n[[buses.nodes]]\nslave = 1\nzone = \"gh9\"\ndevice = "
      "\"d\"\n",
      "devices.toml");
  Site site;
  site.zones.push_back(ZoneSpec{"gh1", "gh1", ZoneKind::greenhouse, {}});
  try {
    check_devices_against_site(config, site);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "buses[0].nodes[0].zone");
    EXPECT_EQ(e.where().line, 4);
    EXPECT_NE(e.expected().find("gh1"), std::string::npos);
  }
}

TEST(DevicesFile, ClimateSections) {
  const DevicesConfig config = parse_devices_toml(R"([[climate]]
zone = "gh1"
settings = "tomato.toml"
manual_hold_s = 1800
[climate.sensors]
t_air_c = "gh1/climate/t_air"
t_out_c = "gh1/climate/temperature_2"
[[climate.openers]]
output = "vent_lee"
actuator = "gh1/act/opener_1"
travel_s = 90
[[climate.switches]]
output = "heating"
actuators = ["gh1/act/switch_1", "gh1/act/switch_2"]
)",
                                                  "devices.toml", "/etc/egin");
  ASSERT_EQ(config.climate.size(), 1U);
  const ClimateWiring& c = config.climate[0];
  EXPECT_EQ(c.zone, "gh1");
  EXPECT_EQ(c.settings, std::filesystem::path("/etc/egin/tomato.toml"));
  EXPECT_DOUBLE_EQ(c.manual_hold_s, 1800.0);
  EXPECT_DOUBLE_EQ(c.deadband_frac, 0.05);
  EXPECT_EQ(c.sensors[control::index_of(control::SensorId::kTAir)], "gh1/climate/t_air");
  EXPECT_EQ(c.sensors[control::index_of(control::SensorId::kTOut)], "gh1/climate/temperature_2");
  EXPECT_EQ(c.sensors[control::index_of(control::SensorId::kRhAir)], "");
  ASSERT_EQ(c.actuators.size(), 3U);
  EXPECT_TRUE(c.actuators[0].opener);
  EXPECT_DOUBLE_EQ(c.actuators[0].travel_s, 90.0);
  EXPECT_EQ(c.actuators[2].key, "gh1/act/switch_2");
  EXPECT_EQ(c.actuators[2].stage, 2);
  EXPECT_EQ(c.actuators[2].stages, 2);

  auto error = [](const std::string& text) -> InputError {
    try {
      parse_devices_toml(text, "devices.toml");
    } catch (const InputError& e) {
      return e;
    }
    throw std::runtime_error("no error for: " + text);
  };
  const std::string head = "[[climate]]\nzone = \"gh1\"\nsettings = \"s.toml\"\n";
  const InputError sensor = error(head + "[climate.sensors]\nt_leaf_c = \"a/b/c\"\n");
  EXPECT_EQ(sensor.where().field, "climate[0].sensors.t_leaf_c");
  EXPECT_EQ(sensor.where().line, 5);
  EXPECT_EQ(error(head + "[climate.sensors]\nt_air_c = \"t_air\"\n").where().field,
            "climate[0].sensors.t_air_c");
  const InputError output = error(
      head + "[[climate.openers]]\noutput = \"heating\"\nactuator = \"a/b/c\"\ntravel_s = 60\n");
  EXPECT_EQ(output.where().field, "climate[0].openers[0].output");
  EXPECT_NE(output.expected().find("vent_lee"), std::string::npos);
  EXPECT_EQ(error(head + "[[climate.openers]]\noutput = \"vent_lee\"\nactuator = \"a/b/c\"\n"
                         "travel_s = 0.5\n")
                .expected(),
            "1 to 3600 s");
  EXPECT_EQ(error(head + "[[climate.switches]]\noutput = \"co2\"\nactuators = [\"a/b/c\"]\n"
                         "[[climate.switches]]\noutput = \"lamps\"\nactuators = [\"a/b/c\"]\n")
                .where()
                .field,
            "climate[0].switches[1].actuators");
  EXPECT_EQ(error(head).where().field, "climate[0].openers");
  // The zone must be a greenhouse zone of the site.
  Site site;
  site.id = "farm";
  site.zones.push_back(ZoneSpec{"gh2", "gh2", ZoneKind::greenhouse, {}});
  try {
    check_devices_against_site(config, site);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "climate[0].zone");
    EXPECT_EQ(e.where().line, 1);
    EXPECT_EQ(e.expected(), "one of gh2");
  }
}

}  // namespace
}  // namespace egin::runtime

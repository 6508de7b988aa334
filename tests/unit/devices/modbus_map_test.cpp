#include "egin/devices/modbus_map.hpp"

#include <gtest/gtest.h>

#include "egin/core/input_error.hpp"
#include "sim_fixture.hpp"

namespace egin::devices {
namespace {

ModbusMap data_map(const std::string& name) {
  return load_modbus_map(std::string(EGIN_SOURCE_DIR) + "/data/modbus/" + name);
}

// The XY-MD02 protocol table's examples (data/modbus/README.md): temperature 0x0131 = 30.5 °C,
// 0xFF33 = −20.5 °C (signed); humidity 0x0222 = 54.6 %RH.
TEST(ModbusMap, XyMd02Examples) {
  const ModbusMap map = data_map("xy-md02.toml");
  const MapPoint* t = map.find("temperature");
  const MapPoint* h = map.find("humidity");
  ASSERT_NE(t, nullptr);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(t->table, RegisterTable::kInput);
  EXPECT_EQ(t->address, 1);
  EXPECT_EQ(h->address, 2);
  EXPECT_DOUBLE_EQ(decode_point(*t, std::vector<std::uint16_t>{0x0131}), 30.5);
  EXPECT_DOUBLE_EQ(decode_point(*t, std::vector<std::uint16_t>{0xFF33}), -20.5);
  EXPECT_DOUBLE_EQ(decode_point(*h, std::vector<std::uint16_t>{0x0222}), 54.6);
  EXPECT_EQ(encode_point(*t, -20.5), std::vector<std::uint16_t>{0xFF33});
  EXPECT_FALSE(encode_point(*h, 7000.0));  // 70000 does not fit a uint16
  EXPECT_EQ(map.find("slave_address")->address, 0x0101);
  EXPECT_TRUE(map.find("temperature_correction")->writable);
  EXPECT_EQ(map.baud, 9600);
}

TEST(ModbusMap, RelayBoard) {
  const ModbusMap map = data_map("waveshare-relay-8ch.toml");
  ASSERT_EQ(map.points.size(), 8U);
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(map.points[static_cast<std::size_t>(i)].table, RegisterTable::kCoil);
    EXPECT_EQ(map.points[static_cast<std::size_t>(i)].address, i);
    EXPECT_TRUE(map.points[static_cast<std::size_t>(i)].writable);
  }
}

TEST(ModbusMap, ThirtyTwoBitTypesAndWordOrder) {
  const ModbusMap map = parse_modbus_map(R"(
[device]
name = "meter"
source = "test"
[[points]]
id = "energy"
table = "holding"
address = 10
type = "uint32"
word_order = "CDAB"
scale = 0.01
unit = "kWh"
quantity = "energy"
min = 0.0
max = 1e9
[[points]]
id = "power"
table = "holding"
address = 12
type = "float32"
unit = "W"
quantity = "power"
min = -1e6
max = 1e6
)",
                                         "meter.toml");
  const MapPoint& energy = map.points[0];
  EXPECT_EQ(energy.width(), 2);
  EXPECT_DOUBLE_EQ(decode_point(energy, std::vector<std::uint16_t>{0x86A0, 0x0001}),
                   1000.0);  // 100000 × 0.01
  EXPECT_EQ(encode_point(energy, 1000.0), (std::vector<std::uint16_t>{0x86A0, 0x0001}));
  EXPECT_DOUBLE_EQ(decode_point(map.points[1], std::vector<std::uint16_t>{0x41E6, 0x6666}),
                   28.8);  // ABCD
}

TEST(ModbusMap, ReadAndWriteAgainstASimulatedDevice) {
  SystemClock clock;
  SyntheticEnvironment environment({});
  SimServer server(environment, clock);
  const ModbusMap sensor = data_map("xy-md02.toml");
  const ModbusMap relays = data_map("waveshare-relay-8ch.toml");
  server.add_map_node(1, sensor);
  server.add_map_node(2, relays);
  LinkSettings settings;
  settings.where = TcpEndpoint{"127.0.0.1", server.start_tcp(TcpEndpoint{"127.0.0.1", 0})};
  Bus bus("b", open_libmodbus_link(settings));
  const MapRead read = read_map(bus, 1, sensor);
  ASSERT_TRUE(read.transfer.ok()) << read.transfer.message;
  ASSERT_EQ(read.points.size(), 6U);
  EXPECT_EQ(bus.counters(1).transactions,
            2U);  // one read per table: holding 0x101..0x104, input 1..2
  for (const PointReading& p : read.points) {
    if (p.point->id == "temperature") {
      EXPECT_DOUBLE_EQ(*p.value, 30.5);
    }
    if (p.point->id == "humidity") {
      EXPECT_DOUBLE_EQ(*p.value, 54.6);
    }
  }
  EXPECT_FALSE(write_point(bus, 1, *sensor.find("temperature"), 20.0).ok());  // not writable
  ASSERT_TRUE(write_point(bus, 1, *sensor.find("humidity_correction"), -2.5).ok());
  std::vector<std::uint16_t> reg(1);
  ASSERT_TRUE(bus.read_wire(1, 0x0104, reg).ok());
  EXPECT_EQ(static_cast<std::int16_t>(reg[0]), -25);
  ASSERT_TRUE(write_point(bus, 2, *relays.find("relay_3"), 1.0).ok());
  const MapRead states = read_map(bus, 2, relays);
  ASSERT_TRUE(states.transfer.ok());
  std::vector<double> values;
  for (const auto& p : states.points) {
    values.push_back(*p.value);
  }
  EXPECT_EQ(values, (std::vector<double>{0, 0, 1, 0, 0, 0, 0, 0}));
}

TEST(ModbusMap, ErrorsNameTheField) {
  auto field = [](const std::string& points) {
    try {
      parse_modbus_map("[device]\nname = \"x\"\nsource = \"y\"\n[[points]]\n" + points, "m.toml");
    } catch (const InputError& e) {
      return e.where().field;
    }
    return std::string("no error");
  };
  const std::string ok =
      "id = \"a\"\ntable = \"input\"\naddress = 1\nunit = \"Cel\"\nquantity = \"q\"\nmin = "
      "0.0\nmax = 1.0\n";
  EXPECT_EQ(field(ok), "no error");
  EXPECT_EQ(field("id = \"a\"\ntable = \"eeprom\"\naddress = 1\n"), "points[0].table");
  EXPECT_EQ(field(ok + "type = \"int8\"\n"), "points[0].type");
  EXPECT_EQ(field(ok + "type = \"bool\"\n"), "points[0].type");  // a register cannot be bool
  EXPECT_EQ(field(ok + "word_order = \"BACD\"\n"), "points[0].word_order");
  EXPECT_EQ(field(ok + "scale = 0.0\n"), "points[0].scale");
  EXPECT_EQ(field("id = \"a\"\ntable = \"input\"\naddress = 70000\n"), "points[0].address");
}

}  // namespace
}  // namespace egin::devices

// Generic Modbus register maps (data/modbus/*.toml): commodity devices that do not speak
// KS X 3267 — an RS485 temperature/humidity transmitter, a relay board — described as data.
// Each point names a table (holding FC 0x03, input FC 0x04, coil FC 0x01/0x05), a wire address,
// a type (int16, uint16, int32, uint32, float32, bool), a linear scaling (value = raw × scale +
// offset), the word order of 32-bit types, the SenML unit, quantity and range, and whether it
// may be written. Reads group neighbouring points of a table into one transaction.
//
//   [device]
//   name = "XY-MD02 temperature and humidity transmitter"
//   source = "vendor manual …"          where the map comes from
//   baud = 9600                          the device's factory line settings (for people and
//   parity = "none"                      `egin modbus read --map`; the bus decides)
//   [[points]]
//   id = "temperature"   table = "input"   address = 1   type = "int16"   scale = 0.1
//   unit = "Cel"   quantity = "air_temperature"   min = -40.0   max = 60.0
//   sim_value = 23.5                     what `egin node-sim --map` serves (default: mid-range)
//
// Errors name the file, line, key and accepted range (InputError). It must not know sites.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "egin/devices/bus.hpp"
#include "egin/devices/word_order.hpp"

namespace egin::devices {

enum class RegisterTable { kHolding, kInput, kCoil };
enum class PointType { kInt16, kUint16, kInt32, kUint32, kFloat32, kBool };
std::string_view register_table_name(RegisterTable table);  // "holding", "input", "coil"
std::string_view point_type_name(PointType type);

struct MapPoint {
  std::string id;
  RegisterTable table = RegisterTable::kHolding;
  int address = 0;  // wire address
  PointType type = PointType::kUint16;
  double scale = 1.0;
  double offset = 0.0;
  WordOrder order = WordOrder::kAbcd;
  std::string unit;
  std::string quantity;
  double min = 0.0;
  double max = 0.0;
  bool writable = false;
  std::optional<double> sim_value;
  /// Registers (or coils) the point occupies: 2 for 32-bit types, else 1.
  [[nodiscard]] int width() const;
};

struct ModbusMap {
  std::string name;
  std::string source;
  std::string file;
  int baud = 9600;
  std::string parity = "none";
  std::vector<MapPoint> points;
  [[nodiscard]] const MapPoint* find(std::string_view id) const;
};

ModbusMap parse_modbus_map(std::string_view text, std::string_view file_name);
ModbusMap load_modbus_map(const std::filesystem::path& path);

/// The point's value from its registers (`raw.size()` = width(); a coil: 0/1 in raw[0]).
double decode_point(const MapPoint& point, std::span<const std::uint16_t> raw);
/// The registers that carry `value` (inverse scaling, rounded to the type); nullopt when the
/// value does not fit the type.
std::optional<std::vector<std::uint16_t>> encode_point(const MapPoint& point, double value);

struct PointReading {
  const MapPoint* point = nullptr;
  std::optional<double> value;
};
struct MapRead {
  TransferResult transfer;  // the first failure; ok when every group was read
  std::vector<PointReading> points;
};
/// Reads every point of `map` from `slave` (grouped reads ≤ 125 registers / 2000 coils).
MapRead read_map(Bus& bus, int slave, const ModbusMap& map,
                 BusPriority priority = BusPriority::kPoll);
/// Writes one writable point (coil: FC 0x05 on when value ≠ 0; registers: FC 0x10).
TransferResult write_point(Bus& bus, int slave, const MapPoint& point, double value,
                           BusPriority priority = BusPriority::kCommand);

}  // namespace egin::devices

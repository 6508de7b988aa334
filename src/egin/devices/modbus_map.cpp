#include "egin/devices/modbus_map.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "egin/core/input_error.hpp"
#include "egin/core/toml_fields.hpp"

namespace egin::devices {

std::string_view register_table_name(RegisterTable table) {
  switch (table) {
    case RegisterTable::kHolding:
      return "holding";
    case RegisterTable::kInput:
      return "input";
    case RegisterTable::kCoil:
      return "coil";
  }
  return "holding";
}

std::string_view point_type_name(PointType type) {
  switch (type) {
    case PointType::kInt16:
      return "int16";
    case PointType::kUint16:
      return "uint16";
    case PointType::kInt32:
      return "int32";
    case PointType::kUint32:
      return "uint32";
    case PointType::kFloat32:
      return "float32";
    case PointType::kBool:
      return "bool";
  }
  return "uint16";
}

int MapPoint::width() const {
  return type == PointType::kInt32 || type == PointType::kUint32 || type == PointType::kFloat32 ? 2
                                                                                                : 1;
}

const MapPoint* ModbusMap::find(std::string_view id) const {
  for (const MapPoint& p : points) {
    if (p.id == id) {
      return &p;
    }
  }
  return nullptr;
}

ModbusMap parse_modbus_map(std::string_view text, std::string_view file_name) {
  const std::string file(file_name);
  const toml::table root = parse_toml_text(text, file);
  const TomlFields top(root, file, "");
  top.reject_unknown_keys({"device", "points"});
  ModbusMap map;
  map.file = file;
  const toml::table* device = top.optional_table("device");
  if (device == nullptr) {
    top.fail("device", "missing", "a [device] table with name and source");
  }
  const TomlFields d(*device, file, "device");
  d.reject_unknown_keys({"name", "source", "baud", "parity"});
  map.name = d.text("name");
  map.source = d.text("source");
  if (device->contains("baud")) {
    map.baud = d.integer("baud", 300, 921600, "bit/s");
  }
  map.parity = d.optional_text("parity").value_or("none");
  const auto points = top.table_array("points");
  if (points.empty()) {
    top.fail("points", "no points", "at least one [[points]] table");
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    const TomlFields f(*points[i], file, fmt::format("points[{}]", i));
    f.reject_unknown_keys({"id", "table", "address", "type", "scale", "offset", "word_order",
                           "unit", "quantity", "min", "max", "writable", "sim_value"});
    MapPoint p;
    p.id = f.text("id");
    if (map.find(p.id) != nullptr) {
      f.fail("id", fmt::format("point '{}' twice", p.id), "unique ids");
    }
    const std::string table = f.text("table");
    if (table == "holding") {
      p.table = RegisterTable::kHolding;
    } else if (table == "input") {
      p.table = RegisterTable::kInput;
    } else if (table == "coil") {
      p.table = RegisterTable::kCoil;
    } else {
      f.fail("table", fmt::format("unknown table '{}'", table), "holding, input or coil");
    }
    p.address = f.integer("address", 0, 65535, "");
    const std::string type =
        f.optional_text("type").value_or(p.table == RegisterTable::kCoil ? "bool" : "uint16");
    bool known = false;
    for (const PointType t : {PointType::kInt16, PointType::kUint16, PointType::kInt32,
                              PointType::kUint32, PointType::kFloat32, PointType::kBool}) {
      if (type == point_type_name(t)) {
        p.type = t;
        known = true;
      }
    }
    if (!known) {
      f.fail("type", fmt::format("unknown type '{}'", type),
             "int16, uint16, int32, uint32, float32 or bool");
    }
    if ((p.table == RegisterTable::kCoil) != (p.type == PointType::kBool)) {
      f.fail("type", "coils are bool and registers are not",
             "type = \"bool\" exactly for table = \"coil\"");
    }
    p.scale = f.optional_number("scale", -1e9, 1e9, "").value_or(1.0);
    if (p.scale == 0.0) {
      f.fail("scale", "0", "a non-zero factor");
    }
    p.offset = f.optional_number("offset", -1e12, 1e12, "").value_or(0.0);
    if (const auto order = f.optional_text("word_order")) {
      const auto parsed = parse_word_order(*order);
      if (!parsed) {
        f.fail("word_order", fmt::format("unknown order '{}'", *order), "ABCD, CDAB, BADC or DCBA");
      }
      p.order = *parsed;
    }
    p.unit = f.text("unit");
    p.quantity = f.text("quantity");
    p.min = f.number("min", -1e12, 1e12, p.unit);
    p.max = f.number("max", -1e12, 1e12, p.unit);
    if (!(p.min < p.max)) {
      f.fail("max", "not above min", "min < max");
    }
    p.writable = f.optional_boolean("writable").value_or(false);
    p.sim_value = f.optional_number("sim_value", p.min, p.max, p.unit);
    if (p.address + p.width() - 1 > 65535) {
      f.fail("address", "the point runs past 65535", "an address that fits");
    }
    map.points.push_back(std::move(p));
  }
  return map;
}

ModbusMap load_modbus_map(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw InputError({path.string(), 0, ""}, "cannot read the file", "a readable TOML file");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_modbus_map(text.str(), path.string());
}

double decode_point(const MapPoint& point, std::span<const std::uint16_t> raw) {
  double value = 0.0;
  switch (point.type) {
    case PointType::kBool:
      value = raw.empty() || raw[0] == 0 ? 0.0 : 1.0;
      return value;  // no scaling for on/off
    case PointType::kInt16:
      value = static_cast<std::int16_t>(raw[0]);
      break;
    case PointType::kUint16:
      value = raw[0];
      break;
    case PointType::kInt32:
      value = static_cast<std::int32_t>(join_u32(raw[0], raw[1], point.order));
      break;
    case PointType::kUint32:
      value = join_u32(raw[0], raw[1], point.order);
      break;
    case PointType::kFloat32:
      value = float_as_decimal(join_f32(raw[0], raw[1], point.order));
      break;
  }
  // Round away the binary noise of the scaling: 235 × 0.1 is 23.5, not 23.500000000000004.
  const double scaled = value * point.scale + point.offset;
  return std::stod(fmt::format("{:.12g}", scaled));
}

std::optional<std::vector<std::uint16_t>> encode_point(const MapPoint& point, double value) {
  if (point.type == PointType::kBool) {
    return std::vector<std::uint16_t>{value != 0.0 ? std::uint16_t{1} : std::uint16_t{0}};
  }
  const double raw = (value - point.offset) / point.scale;
  if (!std::isfinite(raw)) {
    return std::nullopt;
  }
  auto fits = [&](double lo, double hi) { return std::round(raw) >= lo && std::round(raw) <= hi; };
  switch (point.type) {
    case PointType::kInt16:
      if (!fits(-32768.0, 32767.0)) {
        return std::nullopt;
      }
      return std::vector<std::uint16_t>{
          static_cast<std::uint16_t>(static_cast<std::int16_t>(std::lround(raw)))};
    case PointType::kUint16:
      if (!fits(0.0, 65535.0)) {
        return std::nullopt;
      }
      return std::vector<std::uint16_t>{static_cast<std::uint16_t>(std::lround(raw))};
    case PointType::kInt32: {
      if (!fits(-2147483648.0, 2147483647.0)) {
        return std::nullopt;
      }
      const auto words = split_u32(
          static_cast<std::uint32_t>(static_cast<std::int32_t>(std::llround(raw))), point.order);
      return std::vector<std::uint16_t>{words[0], words[1]};
    }
    case PointType::kUint32: {
      if (!fits(0.0, 4294967295.0)) {
        return std::nullopt;
      }
      const auto words = split_u32(static_cast<std::uint32_t>(std::llround(raw)), point.order);
      return std::vector<std::uint16_t>{words[0], words[1]};
    }
    case PointType::kFloat32: {
      const auto words = split_f32(static_cast<float>(raw), point.order);
      return std::vector<std::uint16_t>{words[0], words[1]};
    }
    case PointType::kBool:
      break;
  }
  return std::nullopt;
}

MapRead read_map(Bus& bus, int slave, const ModbusMap& map, BusPriority priority) {
  MapRead out;
  constexpr int kMaxGap = 8;
  for (const RegisterTable table :
       {RegisterTable::kHolding, RegisterTable::kInput, RegisterTable::kCoil}) {
    std::vector<const MapPoint*> points;
    for (const MapPoint& p : map.points) {
      if (p.table == table) {
        points.push_back(&p);
      }
    }
    std::sort(points.begin(), points.end(),
              [](const MapPoint* a, const MapPoint* b) { return a->address < b->address; });
    const int limit = table == RegisterTable::kCoil ? 2000 : 125;
    std::size_t i = 0;
    while (i < points.size()) {
      const int first = points[i]->address;
      int end = first + points[i]->width();
      std::size_t j = i + 1;
      while (j < points.size() && points[j]->address <= end + kMaxGap &&
             std::max(end, points[j]->address + points[j]->width()) - first <= limit) {
        end = std::max(end, points[j]->address + points[j]->width());
        ++j;
      }
      std::vector<std::uint16_t> regs(static_cast<std::size_t>(end - first), 0);
      TransferResult transfer;
      if (table == RegisterTable::kCoil) {
        std::vector<std::uint8_t> bits(regs.size(), 0);
        transfer = bus.read_coils_wire(slave, first, bits, priority);
        for (std::size_t b = 0; b < bits.size(); ++b) {
          regs[b] = bits[b];
        }
      } else if (table == RegisterTable::kInput) {
        transfer = bus.read_input_wire(slave, first, regs, priority);
      } else {
        transfer = bus.read_wire(slave, first, regs, priority);
      }
      for (std::size_t k = i; k < j; ++k) {
        PointReading reading;
        reading.point = points[k];
        if (transfer.ok()) {
          reading.value =
              decode_point(*points[k], std::span<const std::uint16_t>(regs).subspan(
                                           static_cast<std::size_t>(points[k]->address - first),
                                           static_cast<std::size_t>(points[k]->width())));
        }
        out.points.push_back(reading);
      }
      if (!transfer.ok() && out.transfer.ok()) {
        out.transfer = transfer;
      }
      i = j;
    }
  }
  return out;
}

TransferResult write_point(Bus& bus, int slave, const MapPoint& point, double value,
                           BusPriority priority) {
  if (!point.writable) {
    TransferResult result;
    result.status = TransferStatus::kBadFrame;
    result.message =
        fmt::format("point '{}' is not writable (writable = true in its map)", point.id);
    return result;
  }
  if (point.table == RegisterTable::kCoil) {
    return bus.write_coil_wire(slave, point.address, value != 0.0, priority);
  }
  const auto regs = encode_point(point, value);
  if (!regs) {
    TransferResult result;
    result.status = TransferStatus::kBadFrame;
    result.message = fmt::format("{} does not fit point '{}' ({})", value, point.id,
                                 point_type_name(point.type));
    return result;
  }
  return bus.write_wire(slave, point.address, *regs, priority);
}

}  // namespace egin::devices

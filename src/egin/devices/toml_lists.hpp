// Lists of numbers and tables keyed by numbers in TOML (device codes, status cycles, slot
// values), read with the same errors as TomlFields: file, line, dotted key, accepted range.
// Shared by the simulator's configuration, the devices file and the generic Modbus maps.
#pragma once

#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "egin/core/toml_fields.hpp"

namespace egin::devices {

/// The integer array `key` (empty when absent), each value in [min, max].
std::vector<long long> integer_list(const TomlFields& fields, const toml::table& table,
                                    std::string_view key, long long min, long long max);
/// A table whose keys are integers in [key_min, key_max] and values numbers: { "1" = 23.3 }.
std::map<int, double> numbers_by_integer_key(const TomlFields& fields, const toml::table& table,
                                             std::string_view key, int key_min, int key_max);

}  // namespace egin::devices

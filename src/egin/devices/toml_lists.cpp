#include "egin/devices/toml_lists.hpp"

#include <charconv>

#include <fmt/format.h>

namespace egin::devices {

std::vector<long long> integer_list(const TomlFields& fields, const toml::table& table,
                                    std::string_view key, long long min, long long max) {
  std::vector<long long> out;
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return out;
  }
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    fields.fail(key, "not a list of integers", fmt::format("integers {} to {}", min, max));
  }
  for (const toml::node& item : *array) {
    const auto* value = item.as_integer();
    if (value == nullptr || value->get() < min || value->get() > max) {
      fields.fail(key, "an element is not an integer in range",
                  fmt::format("integers {} to {}", min, max));
    }
    out.push_back(value->get());
  }
  return out;
}

std::map<int, double> numbers_by_integer_key(const TomlFields& fields, const toml::table& table,
                                             std::string_view key, int key_min, int key_max) {
  std::map<int, double> out;
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return out;
  }
  const toml::table* inner = node->as_table();
  if (inner == nullptr) {
    fields.fail(key, "not a table", "{ \"1\" = 23.3, … }");
  }
  for (const auto& [name, value] : *inner) {
    int index = 0;
    const std::string_view text = name.str();
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), index);
    if (ec != std::errc{} || ptr != text.data() + text.size() || index < key_min ||
        index > key_max) {
      fields.fail(key, fmt::format("key '{}' is not an integer in range", text),
                  fmt::format("{} to {}", key_min, key_max));
    }
    const std::optional<double> number = value.value<double>();
    if (!number) {
      fields.fail(key, fmt::format("value of '{}' is not a number", text), "a number");
    }
    out[index] = *number;
  }
  return out;
}

}  // namespace egin::devices

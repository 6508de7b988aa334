#include "egin/control/settings_document.hpp"

#include <sstream>

#include "egin/core/input_error.hpp"
#include "egin/core/toml_fields.hpp"

namespace egin::control {

using nlohmann::json;

namespace {

json json_of_node(const toml::node& node) {
  if (const auto* t = node.as_table()) {
    json out = json::object();
    for (const auto& [key, value] : *t) {
      out[std::string(key.str())] = json_of_node(value);
    }
    return out;
  }
  if (const auto* a = node.as_array()) {
    json out = json::array();
    for (const toml::node& item : *a) {
      out.push_back(json_of_node(item));
    }
    return out;
  }
  if (const auto* i = node.as_integer()) {
    return json(i->get());
  }
  if (const auto* f = node.as_floating_point()) {
    return json(f->get());
  }
  if (const auto* b = node.as_boolean()) {
    return json(b->get());
  }
  if (const auto* s = node.as_string()) {
    return json(s->get());
  }
  std::ostringstream text;  // a date, a time or a date-time
  node.visit([&text](const auto& v) { text << v; });
  return json(text.str());
}

[[noreturn]] void no_toml_form(const std::string& path, const std::string& problem) {
  throw InputError({"settings document", 0, path}, problem,
                   "objects, arrays, numbers, strings and booleans as the TOML file has them");
}

std::string member_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

toml::table table_of(const json& object, const std::string& path);

toml::array array_of(const json& array, const std::string& path) {
  toml::array out;
  bool tables = false;
  bool values = false;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const json& item = array[i];
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    if (item.is_null()) {
      no_toml_form(item_path, "is null inside an array");
    }
    if (item.is_object()) {
      tables = true;
      out.push_back(table_of(item, item_path));
    } else if (item.is_array()) {
      values = true;
      out.push_back(array_of(item, item_path));
    } else {
      values = true;
      if (item.is_boolean()) {
        out.push_back(item.get<bool>());
      } else if (item.is_number_integer()) {
        out.push_back(item.get<std::int64_t>());
      } else if (item.is_number()) {
        out.push_back(item.get<double>());
      } else {
        out.push_back(item.get<std::string>());
      }
    }
  }
  if (tables && values) {
    no_toml_form(path, "mixes objects with other values");
  }
  return out;
}

toml::table table_of(const json& object, const std::string& path) {
  toml::table out;
  for (const auto& [key, value] : object.items()) {
    const std::string p = member_path(path, key);
    if (value.is_null()) {
      continue;  // absent
    }
    if (value.is_object()) {
      out.insert(key, table_of(value, p));
    } else if (value.is_array()) {
      out.insert(key, array_of(value, p));
    } else if (value.is_boolean()) {
      out.insert(key, value.get<bool>());
    } else if (value.is_number_integer()) {
      out.insert(key, value.get<std::int64_t>());
    } else if (value.is_number()) {
      out.insert(key, value.get<double>());
    } else {
      out.insert(key, value.get<std::string>());
    }
  }
  return out;
}

}  // namespace

json settings_document_of_toml(std::string_view text, const std::string& source_name) {
  return json_of_node(parse_toml_text(text, source_name));
}

std::string settings_toml_of_document(const json& document) {
  if (!document.is_object()) {
    no_toml_form("", "is not an object");
  }
  std::ostringstream out;
  out << toml::toml_formatter{table_of(document, "")} << '\n';
  return out.str();
}

std::string json_pointer_of_key_path(std::string_view key_path) {
  std::string out;
  std::string segment;
  const auto flush = [&] {
    if (!segment.empty()) {
      std::string escaped;
      for (const char c : segment) {
        escaped += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
      }
      out += "/" + escaped;
      segment.clear();
    }
  };
  for (const char c : key_path) {
    if (c == '.' || c == '[' || c == ']') {
      flush();
    } else {
      segment += c;
    }
  }
  flush();
  return out;
}

}  // namespace egin::control

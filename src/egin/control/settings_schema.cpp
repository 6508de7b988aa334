#include "egin/control/settings_schema.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "egin/control/settings_toml.hpp"

namespace egin::control {

using nlohmann::json;

namespace {

struct Segment {
  std::string name;
  bool indexed = false;  // "name[i]"
};

std::vector<Segment> segments_of(std::string_view path) {
  std::vector<Segment> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t dot = path.find('.', start);
    std::string_view part =
        path.substr(start, dot == std::string_view::npos ? path.npos : dot - start);
    Segment s;
    const std::size_t bracket = part.find('[');
    s.indexed = bracket != std::string_view::npos;
    s.name = std::string(part.substr(0, bracket));
    out.push_back(std::move(s));
    if (dot == std::string_view::npos) {
      break;
    }
    start = dot + 1;
  }
  return out;
}

json& object_member(json& object, const std::string& name) {
  json& member = object["properties"][name];
  if (member.is_null()) {
    member = json{{"type", "object"}, {"title", name}};
  }
  return member;
}

void add_required(json& object, const std::string& name) {
  json& list = object["required"];
  if (list.is_null()) {
    list = json::array();
  }
  if (std::find(list.begin(), list.end(), name) == list.end()) {
    list.push_back(name);
  }
}

json leaf_of(const FieldRecord& r, const std::string& name) {
  json leaf{{"title", name}};
  switch (r.kind) {
    case FieldRecord::Kind::kNumber:
      leaf["type"] = "number";
      break;
    case FieldRecord::Kind::kInteger:
      leaf["type"] = "integer";
      break;
    case FieldRecord::Kind::kText:
      leaf["type"] = "string";
      break;
    case FieldRecord::Kind::kBoolean:
      leaf["type"] = "boolean";
      break;
  }
  if (r.min) {
    leaf["minimum"] = *r.min;
  }
  if (r.max) {
    leaf["maximum"] = *r.max;
  }
  const std::string& unit = r.unit;
  if (!unit.empty()) {
    const std::size_t open = unit.find('(');
    const std::size_t close = unit.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open) {
      leaf["description"] = unit.substr(open + 1, close - open - 1);
      std::string before = unit.substr(0, open);
      while (!before.empty() && before.back() == ' ') {
        before.pop_back();
      }
      if (!before.empty()) {
        leaf["x-unit"] = before;
      }
    } else {
      leaf["x-unit"] = unit;
    }
  }
  return leaf;
}

}  // namespace

json settings_schema(const FieldLog& log, std::string_view title) {
  json root{{"type", "object"}, {"title", std::string(title)}};
  for (const FieldRecord& r : log.records()) {
    const std::vector<Segment> segments = segments_of(r.path);
    json* node = &root;
    for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
      const Segment& s = segments[i];
      if (s.indexed) {
        json& array = (*node)["properties"][s.name];
        if (array.is_null()) {
          array = json{{"type", "array"}, {"title", s.name}, {"items", {{"type", "object"}}}};
        }
        node = &array["items"];
      } else {
        node = &object_member(*node, s.name);
      }
    }
    const std::string& name = segments.back().name;
    json leaf = leaf_of(r, name);
    json& slot = (*node)["properties"][name];
    // Items of one array may accept different ranges (a calendar curve's offsets span its
    // set-point's range): the items' schema takes the widest, the reader checks each.
    if (slot.is_object()) {
      for (const char* bound : {"minimum", "maximum"}) {
        if (slot.contains(bound) && leaf.contains(bound)) {
          const double a = slot[bound].get<double>();
          const double b = leaf[bound].get<double>();
          leaf[bound] = bound[1] == 'i' ? std::min(a, b) : std::max(a, b);
        }
      }
    }
    slot = std::move(leaf);
    if (r.required) {
      add_required(*node, name);
    }
  }
  return root;
}

ReadSettings read_settings_with_schema(std::string_view text, const std::string& source_name) {
  FieldLog log;
  ReadSettings out;
  out.settings = parse_controller_settings(text, source_name, &log);
  out.schema = settings_schema(log, out.settings.name);
  return out;
}

}  // namespace egin::control

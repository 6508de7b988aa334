#include "egin/runtime/site_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

#include <toml++/toml.h>

#include "egin/core/input_error.hpp"
#include "egin/core/toml_fields.hpp"
#include "egin/runtime/senml_units.hpp"

namespace egin::runtime {
namespace {

constexpr const char* kIdExpected =
    "an id of a-z, 0-9, '_' and '-', starting with a letter, at most 64 characters";
constexpr const char* kUnitExpected =
    "a SenML unit such as Cel, %RH, ppm, W/m2, m/s, mm, kPa, %, / (docs/formats/site-file.md "
    "lists all)";

std::string number_text(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string range_text(double min, double max, std::string_view unit) {
  std::string text = number_text(min) + " to " + number_text(max);
  if (!unit.empty()) {
    text += ' ';
    text += unit;
  }
  return text;
}

// Where a broken rule points: the line of a key in the TOML text, or 0 for a site that did
// not come from a file (an API edit).
class LineFinder {
 public:
  void add(std::string path, const toml::table* table) { tables_[std::move(path)] = table; }
  [[nodiscard]] int line(const std::string& path, std::string_view key) const {
    const auto it = tables_.find(path);
    if (it == tables_.end()) {
      return 0;
    }
    return TomlFields(*it->second, "", path).line_of(key);
  }

 private:
  std::map<std::string, const toml::table*> tables_;
};

// The rules of a valid site, in one place for files and API edits.
class SiteChecker {
 public:
  SiteChecker(std::string file, const LineFinder& lines) : file_(std::move(file)), lines_(lines) {}

  void check(const Site& site) const {
    id("site", "id", site.id);
    name("site", "name", site.name);
    range("site", "latitude_deg", site.latitude_deg, -kLatitudeMaxDeg, kLatitudeMaxDeg, "deg");
    range("site", "longitude_deg", site.longitude_deg, -kLongitudeMaxDeg, kLongitudeMaxDeg, "deg");
    range("site", "elevation_m", site.elevation_m, kElevationMinM, kElevationMaxM, "m");
    range("site", "utc_offset_min", site.utc_offset_min, kUtcOffsetMinMin, kUtcOffsetMaxMin, "min");
    range("validation", "future_tolerance_s", site.future_tolerance_s, 0.0, kFutureToleranceMaxS,
          "s");
    range("validation", "max_age_days", site.max_age_days, kMaxAgeMinDays, kMaxAgeMaxDays, "d");

    std::set<std::string> classes = {"default"};
    std::set<std::string> listed;
    for (std::size_t i = 0; i < site.retention.size(); ++i) {
      const RetentionSpec& r = site.retention[i];
      const std::string path = "retention[" + std::to_string(i) + "]";
      id(path, "class", r.channel_class);
      if (!listed.insert(r.channel_class).second) {
        fail(path, "class", "retention class '" + r.channel_class + "' is listed twice",
             "one [[retention]] entry per class");
      }
      classes.insert(r.channel_class);
      if (r.raw_days != 0) {
        range(path, "raw_days", r.raw_days, kRawMinDays, kRetentionMaxDays, "d (0 = forever)");
      }
      range(path, "minute_days", r.minute_days, 0, kRetentionMaxDays, "d (0 = forever)");
      range(path, "hour_days", r.hour_days, 0, kRetentionMaxDays, "d (0 = forever)");
      range(path, "day_days", r.day_days, 0, kRetentionMaxDays, "d (0 = forever)");
    }

    std::set<std::string> zone_ids;
    for (std::size_t z = 0; z < site.zones.size(); ++z) {
      const ZoneSpec& zone = site.zones[z];
      const std::string zpath = "zones[" + std::to_string(z) + "]";
      id(zpath, "id", zone.id);
      unique(zone_ids, zpath, zone.id, "zone", "the site");
      name(zpath, "name", zone.name);
      check_field_keys(site, zpath, zone);
      std::set<std::string> device_ids;
      for (std::size_t d = 0; d < zone.devices.size(); ++d) {
        const DeviceSpec& device = zone.devices[d];
        const std::string dpath = zpath + ".devices[" + std::to_string(d) + "]";
        id(dpath, "id", device.id);
        unique(device_ids, dpath, device.id, "device", "zone " + zone.id);
        name(dpath, "name", device.name);
        name(dpath, "model", device.model);
        std::set<std::string> channel_ids;
        for (std::size_t c = 0; c < device.channels.size(); ++c) {
          const ChannelSpec& ch = device.channels[c];
          const std::string cpath = dpath + ".channels[" + std::to_string(c) + "]";
          id(cpath, "id", ch.id);
          unique(channel_ids, cpath, ch.id, "channel", "device " + zone.id + "/" + device.id);
          check_channel(cpath, ch, classes);
        }
      }
    }
  }

 private:
  void check_channel(const std::string& path, const ChannelSpec& ch,
                     const std::set<std::string>& classes) const {
    name(path, "name", ch.name);
    id(path, "quantity", ch.quantity);
    if (!is_known_unit(ch.unit)) {
      fail(path, "unit", "unknown unit '" + ch.unit + "'", kUnitExpected);
    }
    range(path, "min", ch.min, -kChannelLimitAbs, kChannelLimitAbs, ch.unit);
    range(path, "max", ch.max, -kChannelLimitAbs, kChannelLimitAbs, ch.unit);
    if (!(ch.min < ch.max)) {
      fail(path, "max", "max " + number_text(ch.max) + " is not above min " + number_text(ch.min),
           "min < max");
    }
    range(path, "sampling_period_s", ch.sampling_period_s, kSamplingMinS, kSamplingMaxS, "s");
    if (classes.count(ch.channel_class) == 0) {
      std::string list;
      for (const std::string& c : classes) {
        list += list.empty() ? c : ", " + c;
      }
      fail(path, "class", "retention class '" + ch.channel_class + "' is not defined",
           "one of: " + list + " (add a [[retention]] entry for a new class)");
    }
    if (ch.max_rate_per_min) {
      range(path, "max_rate_per_min", *ch.max_rate_per_min, kMaxRateMinPerMin, kMaxRateMaxPerMin,
            ch.unit + "/min");
    }
    if (ch.stuck_minutes) {
      range(path, "stuck_minutes", *ch.stuck_minutes, kStuckMinMinutes, kStuckMaxMinutes, "min");
    }
  }

  // field_file and weather_zone: field zones only; the station must be a weather-station zone.
  void check_field_keys(const Site& site, const std::string& path, const ZoneSpec& zone) const {
    if (zone.kind != ZoneKind::field) {
      if (!zone.field_file.empty()) {
        fail(path, "field_file", "only a field zone names a field file",
             "kind = \"field\", or no field_file");
      }
      if (!zone.weather_zone.empty()) {
        fail(path, "weather_zone", "only a field zone names a weather zone",
             "kind = \"field\", or no weather_zone");
      }
      return;
    }
    if (zone.field_file.size() > kMaxPathBytes || zone.field_file.find('\0') != std::string::npos) {
      fail(path, "field_file", "is not a usable path",
           "a path of at most " + std::to_string(kMaxPathBytes) + " bytes");
    }
    if (zone.weather_zone.empty()) {
      return;
    }
    for (const ZoneSpec& other : site.zones) {
      if (other.id == zone.weather_zone && other.kind == ZoneKind::weather_station) {
        return;
      }
    }
    fail(path, "weather_zone", "'" + zone.weather_zone + "' is not a weather-station zone",
         "the id of a zone with kind = \"weather_station\"");
  }

  [[noreturn]] void fail(const std::string& path, std::string_view key, std::string problem,
                         std::string expected) const {
    throw InputError({file_, lines_.line(path, key), path + "." + std::string(key)},
                     std::move(problem), std::move(expected));
  }

  void id(const std::string& path, std::string_view key, const std::string& value) const {
    if (!is_valid_id(value)) {
      fail(path, key, "'" + value + "' is not a valid id", kIdExpected);
    }
  }

  void name(const std::string& path, std::string_view key, const std::string& value) const {
    if (value.size() > kMaxNameBytes) {
      fail(path, key, "is " + std::to_string(value.size()) + " bytes long",
           "at most " + std::to_string(kMaxNameBytes) + " bytes");
    }
  }

  void unique(std::set<std::string>& seen, const std::string& path, const std::string& value,
              const char* what, const std::string& where) const {
    if (!seen.insert(value).second) {
      fail(path, "id", std::string(what) + " id '" + value + "' is used twice in " + where,
           std::string("a ") + what + " id unique within " + where);
    }
  }

  void range(const std::string& path, std::string_view key, double value, double min, double max,
             std::string_view unit) const {
    if (!(value >= min && value <= max)) {
      fail(path, key, "value " + number_text(value) + " is out of range",
           range_text(min, max, unit));
    }
  }

  std::string file_;
  const LineFinder& lines_;
};

ZoneKind zone_kind(const TomlFields& f) {
  const std::string kind = f.text("kind");
  for (const ZoneKind k : {ZoneKind::greenhouse, ZoneKind::field, ZoneKind::weather_station}) {
    if (kind == zone_kind_name(k)) {
      return k;
    }
  }
  f.fail("kind", "unknown zone kind '" + kind + "'", "greenhouse, field or weather_station");
}

ChannelKind channel_kind(const TomlFields& f) {
  const std::optional<std::string> kind = f.optional_text("kind");
  if (!kind) {
    return ChannelKind::sensor;
  }
  for (const ChannelKind k : {ChannelKind::sensor, ChannelKind::actuator}) {
    if (*kind == channel_kind_name(k)) {
      return k;
    }
  }
  f.fail("kind", "unknown channel kind '" + *kind + "'", "sensor or actuator");
}

ChannelSpec read_channel(const TomlFields& f) {
  f.reject_unknown_keys({"id", "name", "quantity", "unit", "kind", "min", "max",
                         "sampling_period_s", "class", "max_rate_per_min", "stuck_minutes"});
  ChannelSpec ch;
  ch.id = f.text("id");
  ch.name = f.optional_text("name").value_or(ch.id);
  ch.quantity = f.text("quantity");
  ch.unit = f.text("unit");
  ch.kind = channel_kind(f);
  ch.min = f.number("min", -kChannelLimitAbs, kChannelLimitAbs, ch.unit);
  ch.max = f.number("max", -kChannelLimitAbs, kChannelLimitAbs, ch.unit);
  ch.sampling_period_s = f.optional_number("sampling_period_s", kSamplingMinS, kSamplingMaxS, "s")
                             .value_or(ch.sampling_period_s);
  ch.channel_class = f.optional_text("class").value_or("default");
  ch.max_rate_per_min =
      f.optional_number("max_rate_per_min", kMaxRateMinPerMin, kMaxRateMaxPerMin, ch.unit + "/min");
  ch.stuck_minutes = f.optional_number("stuck_minutes", kStuckMinMinutes, kStuckMaxMinutes, "min");
  return ch;
}

void append_string(std::string& out, std::string_view s) {
  out += '"';
  for (const char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// Shortest text that reads back as the same double; always a TOML float ("60.0", "1e+20").
std::string toml_number(double v) {
  std::string text = fmt::format("{}", v);
  if (text.find_first_of(".en") == std::string::npos) {
    text += ".0";
  }
  return text;
}

void key_string(std::string& out, std::string_view key, std::string_view value) {
  out += key;
  out += " = ";
  append_string(out, value);
  out += '\n';
}

void key_number(std::string& out, std::string_view key, double value) {
  out += fmt::format("{} = {}\n", key, toml_number(value));
}

void key_integer(std::string& out, std::string_view key, int value) {
  out += fmt::format("{} = {}\n", key, value);
}

// Remembers the first field (dotted path) in which two values differ.
struct Differ {
  std::string diff;
  template <typename T>
  void field(const std::string& path, const char* key, const T& x, const T& y) {
    if (diff.empty() && !(x == y)) {
      diff = path.empty() ? key : path + "." + key;
    }
  }
};

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdBytes || id.front() < 'a' || id.front() > 'z') {
    return false;
  }
  for (const char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
      return false;
    }
  }
  return true;
}

Site parse_site_toml(std::string_view text, std::string_view file_name) {
  const std::string file(file_name);
  const toml::table root = parse_toml_text(text, file);
  LineFinder lines;
  const TomlFields top(root, file, "");
  top.reject_unknown_keys({"site", "validation", "retention", "zones"});

  Site site;
  const toml::table* site_table = top.optional_table("site");
  if (site_table == nullptr) {
    top.fail("site", "missing required table",
             "a [site] table with id, latitude_deg, longitude_deg, elevation_m, utc_offset_min");
  }
  lines.add("site", site_table);
  const TomlFields s(*site_table, file, "site");
  s.reject_unknown_keys(
      {"id", "name", "latitude_deg", "longitude_deg", "elevation_m", "utc_offset_min"});
  site.id = s.text("id");
  site.name = s.optional_text("name").value_or(site.id);
  site.latitude_deg = s.number("latitude_deg", -kLatitudeMaxDeg, kLatitudeMaxDeg, "deg");
  site.longitude_deg = s.number("longitude_deg", -kLongitudeMaxDeg, kLongitudeMaxDeg, "deg");
  site.elevation_m = s.number("elevation_m", kElevationMinM, kElevationMaxM, "m");
  site.utc_offset_min = s.integer("utc_offset_min", kUtcOffsetMinMin, kUtcOffsetMaxMin, "min");

  if (const toml::table* v = top.optional_table("validation")) {
    lines.add("validation", v);
    const TomlFields f(*v, file, "validation");
    f.reject_unknown_keys({"future_tolerance_s", "max_age_days"});
    site.future_tolerance_s =
        f.optional_number("future_tolerance_s", 0.0, kFutureToleranceMaxS, "s")
            .value_or(site.future_tolerance_s);
    site.max_age_days = f.optional_number("max_age_days", kMaxAgeMinDays, kMaxAgeMaxDays, "d")
                            .value_or(site.max_age_days);
  }

  const auto retention = top.table_array("retention");
  for (std::size_t i = 0; i < retention.size(); ++i) {
    const std::string path = "retention[" + std::to_string(i) + "]";
    lines.add(path, retention[i]);
    const TomlFields f(*retention[i], file, path);
    f.reject_unknown_keys({"class", "raw_days", "minute_days", "hour_days", "day_days"});
    RetentionSpec r;
    r.channel_class = f.text("class");
    r.raw_days = f.integer("raw_days", 0, kRetentionMaxDays, "d (0 = forever)");
    r.minute_days = f.integer("minute_days", 0, kRetentionMaxDays, "d (0 = forever)");
    r.hour_days = f.integer("hour_days", 0, kRetentionMaxDays, "d (0 = forever)");
    r.day_days = f.integer("day_days", 0, kRetentionMaxDays, "d (0 = forever)");
    site.retention.push_back(std::move(r));
  }

  const auto zones = top.table_array("zones");
  for (std::size_t z = 0; z < zones.size(); ++z) {
    const std::string zpath = "zones[" + std::to_string(z) + "]";
    lines.add(zpath, zones[z]);
    const TomlFields zf(*zones[z], file, zpath);
    zf.reject_unknown_keys({"id", "name", "kind", "devices", "field_file", "weather_zone"});
    ZoneSpec zone;
    zone.id = zf.text("id");
    zone.name = zf.optional_text("name").value_or(zone.id);
    zone.kind = zone_kind(zf);
    zone.field_file = zf.optional_text("field_file").value_or("");
    zone.weather_zone = zf.optional_text("weather_zone").value_or("");
    const auto devices = zf.table_array("devices");
    for (std::size_t d = 0; d < devices.size(); ++d) {
      const std::string dpath = zpath + ".devices[" + std::to_string(d) + "]";
      lines.add(dpath, devices[d]);
      const TomlFields df(*devices[d], file, dpath);
      df.reject_unknown_keys({"id", "name", "model", "channels"});
      DeviceSpec device;
      device.id = df.text("id");
      device.name = df.optional_text("name").value_or(device.id);
      device.model = df.optional_text("model").value_or("");
      const auto channels = df.table_array("channels");
      for (std::size_t c = 0; c < channels.size(); ++c) {
        const std::string cpath = dpath + ".channels[" + std::to_string(c) + "]";
        lines.add(cpath, channels[c]);
        device.channels.push_back(read_channel(TomlFields(*channels[c], file, cpath)));
      }
      zone.devices.push_back(std::move(device));
    }
    site.zones.push_back(std::move(zone));
  }

  SiteChecker(file, lines).check(site);
  return site;
}

Site load_site_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({path.string(), 0, ""}, "cannot open the site file", "a readable file");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_site_toml(text.str(), path.string());
}

void check_site(const Site& site, std::string_view file_name) {
  const LineFinder no_lines;
  SiteChecker(std::string(file_name), no_lines).check(site);
}

std::string write_site_toml(const Site& site) {
  std::string out = "# egin site file (layout: docs/formats/site-file.md)\n\n[site]\n";
  key_string(out, "id", site.id);
  key_string(out, "name", site.name);
  key_number(out, "latitude_deg", site.latitude_deg);
  key_number(out, "longitude_deg", site.longitude_deg);
  key_number(out, "elevation_m", site.elevation_m);
  key_integer(out, "utc_offset_min", site.utc_offset_min);
  out += "\n[validation]\n";
  key_number(out, "future_tolerance_s", site.future_tolerance_s);
  key_number(out, "max_age_days", site.max_age_days);
  for (const RetentionSpec& r : site.retention) {
    out += "\n[[retention]]\n";
    key_string(out, "class", r.channel_class);
    key_integer(out, "raw_days", r.raw_days);
    key_integer(out, "minute_days", r.minute_days);
    key_integer(out, "hour_days", r.hour_days);
    key_integer(out, "day_days", r.day_days);
  }
  for (const ZoneSpec& zone : site.zones) {
    out += "\n[[zones]]\n";
    key_string(out, "id", zone.id);
    key_string(out, "name", zone.name);
    key_string(out, "kind", zone_kind_name(zone.kind));
    if (!zone.field_file.empty()) {
      key_string(out, "field_file", zone.field_file);
    }
    if (!zone.weather_zone.empty()) {
      key_string(out, "weather_zone", zone.weather_zone);
    }
    for (const DeviceSpec& device : zone.devices) {
      out += "\n[[zones.devices]]\n";
      key_string(out, "id", device.id);
      key_string(out, "name", device.name);
      key_string(out, "model", device.model);
      for (const ChannelSpec& ch : device.channels) {
        out += "\n[[zones.devices.channels]]\n";
        key_string(out, "id", ch.id);
        key_string(out, "name", ch.name);
        key_string(out, "quantity", ch.quantity);
        key_string(out, "unit", ch.unit);
        key_string(out, "kind", channel_kind_name(ch.kind));
        key_number(out, "min", ch.min);
        key_number(out, "max", ch.max);
        key_number(out, "sampling_period_s", ch.sampling_period_s);
        key_string(out, "class", ch.channel_class);
        if (ch.max_rate_per_min) {
          key_number(out, "max_rate_per_min", *ch.max_rate_per_min);
        }
        if (ch.stuck_minutes) {
          key_number(out, "stuck_minutes", *ch.stuck_minutes);
        }
      }
    }
  }
  return out;
}

void save_site_file(const Site& site, const std::filesystem::path& path) {
  check_site(site, path.string());
  const std::string text = write_site_toml(site);
  std::filesystem::path dir = path.parent_path();
  if (dir.empty()) {
    dir = ".";
  }
  std::filesystem::path tmp = path;
  tmp += ".tmp-" + std::to_string(::getpid());
  const auto fail = [&](const char* what) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw std::system_error(err, std::generic_category(),
                            std::string(what) + " " + tmp.string() + " for " + path.string());
  };
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    fail("cannot create");
  }
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      ::close(fd);
      fail("cannot write");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    fail("cannot flush");
  }
  if (::close(fd) != 0) {
    fail("cannot close");
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    fail("cannot rename");
  }
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);  // the rename itself reaches the disk
    ::close(dir_fd);
  }
}

std::string first_difference(const Site& a, const Site& b) {
  Differ cmp;
  cmp.field("site", "id", a.id, b.id);
  cmp.field("site", "name", a.name, b.name);
  cmp.field("site", "latitude_deg", a.latitude_deg, b.latitude_deg);
  cmp.field("site", "longitude_deg", a.longitude_deg, b.longitude_deg);
  cmp.field("site", "elevation_m", a.elevation_m, b.elevation_m);
  cmp.field("site", "utc_offset_min", a.utc_offset_min, b.utc_offset_min);
  cmp.field("validation", "future_tolerance_s", a.future_tolerance_s, b.future_tolerance_s);
  cmp.field("validation", "max_age_days", a.max_age_days, b.max_age_days);
  cmp.field("", "retention.size", a.retention.size(), b.retention.size());
  for (std::size_t i = 0; cmp.diff.empty() && i < a.retention.size(); ++i) {
    const std::string p = "retention[" + std::to_string(i) + "]";
    const RetentionSpec& x = a.retention[i];
    const RetentionSpec& y = b.retention[i];
    cmp.field(p, "class", x.channel_class, y.channel_class);
    cmp.field(p, "raw_days", x.raw_days, y.raw_days);
    cmp.field(p, "minute_days", x.minute_days, y.minute_days);
    cmp.field(p, "hour_days", x.hour_days, y.hour_days);
    cmp.field(p, "day_days", x.day_days, y.day_days);
  }
  cmp.field("", "zones.size", a.zones.size(), b.zones.size());
  for (std::size_t z = 0; cmp.diff.empty() && z < a.zones.size(); ++z) {
    const std::string zp = "zones[" + std::to_string(z) + "]";
    const ZoneSpec& za = a.zones[z];
    const ZoneSpec& zb = b.zones[z];
    cmp.field(zp, "id", za.id, zb.id);
    cmp.field(zp, "name", za.name, zb.name);
    cmp.field(zp, "kind", za.kind, zb.kind);
    cmp.field(zp, "field_file", za.field_file, zb.field_file);
    cmp.field(zp, "weather_zone", za.weather_zone, zb.weather_zone);
    cmp.field(zp, "devices.size", za.devices.size(), zb.devices.size());
    for (std::size_t d = 0; cmp.diff.empty() && d < za.devices.size(); ++d) {
      const std::string dp = zp + ".devices[" + std::to_string(d) + "]";
      const DeviceSpec& da = za.devices[d];
      const DeviceSpec& db = zb.devices[d];
      cmp.field(dp, "id", da.id, db.id);
      cmp.field(dp, "name", da.name, db.name);
      cmp.field(dp, "model", da.model, db.model);
      cmp.field(dp, "channels.size", da.channels.size(), db.channels.size());
      for (std::size_t c = 0; cmp.diff.empty() && c < da.channels.size(); ++c) {
        const std::string cp = dp + ".channels[" + std::to_string(c) + "]";
        const ChannelSpec& ca = da.channels[c];
        const ChannelSpec& cb = db.channels[c];
        cmp.field(cp, "id", ca.id, cb.id);
        cmp.field(cp, "name", ca.name, cb.name);
        cmp.field(cp, "quantity", ca.quantity, cb.quantity);
        cmp.field(cp, "unit", ca.unit, cb.unit);
        cmp.field(cp, "kind", ca.kind, cb.kind);
        cmp.field(cp, "min", ca.min, cb.min);
        cmp.field(cp, "max", ca.max, cb.max);
        cmp.field(cp, "sampling_period_s", ca.sampling_period_s, cb.sampling_period_s);
        cmp.field(cp, "class", ca.channel_class, cb.channel_class);
        cmp.field(cp, "max_rate_per_min", ca.max_rate_per_min, cb.max_rate_per_min);
        cmp.field(cp, "stuck_minutes", ca.stuck_minutes, cb.stuck_minutes);
      }
    }
  }
  return cmp.diff;
}

}  // namespace egin::runtime

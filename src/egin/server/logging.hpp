// Log: structured "key=value" lines on stderr through spdlog, one logger per server (no global
// registry): `ts=… level=info event=ingest source=http accepted=12`. Values with spaces or
// quotes are quoted. It must not decide what is logged: callers name the event and the fields.
#pragma once

#include <spdlog/logger.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace egin::server {

/// One field of a log line; numbers are formatted by the caller's overload.
struct LogField {
  LogField(std::string_view field_key, std::string_view field_value)
      : key(field_key), value(field_value) {}
  LogField(std::string_view field_key, const std::string& field_value)
      : key(field_key), value(field_value) {}
  LogField(std::string_view field_key, const char* field_value)
      : key(field_key), value(field_value) {}
  LogField(std::string_view field_key, double field_value);
  LogField(std::string_view field_key, long long field_value)
      : key(field_key), value(std::to_string(field_value)) {}
  LogField(std::string_view field_key, unsigned long long field_value)
      : key(field_key), value(std::to_string(field_value)) {}
  LogField(std::string_view field_key, long field_value)
      : key(field_key), value(std::to_string(field_value)) {}
  LogField(std::string_view field_key, unsigned long field_value)
      : key(field_key), value(std::to_string(field_value)) {}
  LogField(std::string_view field_key, int field_value)
      : key(field_key), value(std::to_string(field_value)) {}
  LogField(std::string_view field_key, unsigned field_value)
      : key(field_key), value(std::to_string(field_value)) {}
  LogField(std::string_view field_key, bool field_value)
      : key(field_key), value(field_value ? "true" : "false") {}
  std::string key;
  std::string value;
};

class Log {
 public:
  /// A logger writing to stderr; `level` is "debug", "info", "warn" or "error".
  explicit Log(std::string_view level = "info");
  /// A logger writing to `sink` (tests).
  explicit Log(std::shared_ptr<spdlog::logger> logger);

  void info(std::string_view event, std::initializer_list<LogField> fields = {});
  void warn(std::string_view event, std::initializer_list<LogField> fields = {});
  void error(std::string_view event, std::initializer_list<LogField> fields = {});
  void debug(std::string_view event, std::initializer_list<LogField> fields = {});
  void flush();

 private:
  void write(spdlog::level::level_enum level, std::string_view event,
             std::initializer_list<LogField> fields);
  std::shared_ptr<spdlog::logger> logger_;
};

/// "event=x key=value key2=\"two words\"": the message part of a log line.
std::string format_log_fields(std::string_view event, std::initializer_list<LogField> fields);

}  // namespace egin::server

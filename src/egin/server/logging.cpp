#include "egin/server/logging.hpp"

#include <fmt/format.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <cmath>

namespace egin::server {

namespace {

bool needs_quotes(std::string_view value) {
  if (value.empty()) {
    return true;
  }
  for (const char c : value) {
    if (c == ' ' || c == '"' || c == '=' || c == '\t' || c == '\n' || c == '\\') {
      return true;
    }
  }
  return false;
}

void append_value(std::string& out, std::string_view value) {
  if (!needs_quotes(value)) {
    out.append(value);
    return;
  }
  out.push_back('"');
  for (const char c : value) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out.append("\\n");
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

}  // namespace

LogField::LogField(std::string_view field_key, double field_value) : key(field_key) {
  value = std::isfinite(field_value) ? fmt::format("{:.6g}", field_value) : std::string("nan");
}

Log::Log(std::string_view level) {
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  logger_ = std::make_shared<spdlog::logger>("egin", std::move(sink));
  logger_->set_formatter(std::make_unique<spdlog::pattern_formatter>(
      "ts=%Y-%m-%dT%H:%M:%S.%eZ level=%l %v", spdlog::pattern_time_type::utc));
  logger_->set_level(spdlog::level::from_str(std::string(level)));
  logger_->flush_on(spdlog::level::info);
}

Log::Log(std::shared_ptr<spdlog::logger> logger) : logger_(std::move(logger)) {}

void Log::write(spdlog::level::level_enum level, std::string_view event,
                std::initializer_list<LogField> fields) {
  if (!logger_->should_log(level)) {
    return;
  }
  logger_->log(level, "{}", format_log_fields(event, fields));
}

void Log::info(std::string_view event, std::initializer_list<LogField> fields) {
  write(spdlog::level::info, event, fields);
}
void Log::warn(std::string_view event, std::initializer_list<LogField> fields) {
  write(spdlog::level::warn, event, fields);
}
void Log::error(std::string_view event, std::initializer_list<LogField> fields) {
  write(spdlog::level::err, event, fields);
}
void Log::debug(std::string_view event, std::initializer_list<LogField> fields) {
  write(spdlog::level::debug, event, fields);
}
void Log::flush() { logger_->flush(); }

std::string format_log_fields(std::string_view event, std::initializer_list<LogField> fields) {
  std::string out = "event=";
  append_value(out, event);
  for (const LogField& field : fields) {
    out.push_back(' ');
    out.append(field.key);
    out.push_back('=');
    append_value(out, field.value);
  }
  return out;
}

}  // namespace egin::server

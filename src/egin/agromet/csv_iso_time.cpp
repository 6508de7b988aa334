#include "egin/agromet/csv_iso_time.hpp"

#include <fmt/format.h>

#include "egin/core/date.hpp"

namespace egin::agromet {
namespace {

// Two decimal digits at text[at], or -1.
int two_digits(std::string_view text, std::size_t at) {
  if (at + 2 > text.size()) {
    return -1;
  }
  const char a = text[at];
  const char b = text[at + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') {
    return -1;
  }
  return (a - '0') * 10 + (b - '0');
}

}  // namespace

std::optional<IsoTime> parse_iso_time(std::string_view text) {
  constexpr std::size_t kDateLength = 10;  // YYYY-MM-DD
  if (text.size() < kDateLength + 6) {
    return std::nullopt;
  }
  const std::optional<Date> date = Date::parse(text.substr(0, kDateLength));
  if (!date || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const char sep = text[kDateLength];
  if (sep != 'T' && sep != 't' && sep != ' ') {
    return std::nullopt;
  }
  std::size_t at = kDateLength + 1;
  const int hour = two_digits(text, at);
  if (hour < 0 || hour > 23 || at + 2 >= text.size() || text[at + 2] != ':') {
    return std::nullopt;
  }
  at += 3;
  const int minute = two_digits(text, at);
  if (minute < 0 || minute > 59) {
    return std::nullopt;
  }
  at += 2;
  int second = 0;
  if (at < text.size() && text[at] == ':') {
    second = two_digits(text, at + 1);
    if (second < 0 || second > 59) {
      return std::nullopt;
    }
    at += 3;
  }
  if (at >= text.size()) {
    return std::nullopt;  // no offset
  }
  int offset_s = 0;
  if (text[at] == 'Z' || text[at] == 'z') {
    at += 1;
  } else if (text[at] == '+' || text[at] == '-') {
    const int oh = two_digits(text, at + 1);
    const int om = two_digits(text, at + 4);
    if (oh < 0 || om < 0 || om > 59 || at + 3 >= text.size() || text[at + 3] != ':') {
      return std::nullopt;
    }
    offset_s = oh * 3600 + om * 60;
    if (offset_s > 14 * 3600) {
      return std::nullopt;
    }
    if (text[at] == '-') {
      offset_s = -offset_s;
    }
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != text.size()) {
    return std::nullopt;
  }
  const std::int64_t local_s = static_cast<std::int64_t>(date->days_since_epoch()) * 86400 +
                               std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second;
  return IsoTime{local_s - offset_s, offset_s};
}

std::string format_iso_time(std::int64_t utc_s, int utc_offset_s) {
  const std::int64_t local = utc_s + utc_offset_s;
  const std::int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  const auto sec = static_cast<int>(local - days * 86400);
  std::string out = Date::from_days(static_cast<int>(days)).iso();
  out += fmt::format("T{:02}:{:02}", sec / 3600, sec % 3600 / 60);
  if (sec % 60 != 0) {
    out += fmt::format(":{:02}", sec % 60);
  }
  if (utc_offset_s == 0) {
    out += 'Z';
  } else {
    const int off = utc_offset_s < 0 ? -utc_offset_s : utc_offset_s;
    out += fmt::format("{}{:02}:{:02}", utc_offset_s < 0 ? '-' : '+', off / 3600, off % 3600 / 60);
  }
  return out;
}

}  // namespace egin::agromet

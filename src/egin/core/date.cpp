#include "egin/core/date.hpp"

#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace egin {
namespace {

namespace chr = std::chrono;
using chr::sys_days;
using chr::year_month_day;

year_month_day ymd_of(int days_since_epoch) {
  return year_month_day{sys_days{chr::days{days_since_epoch}}};
}

// Parses exactly `text.size()` decimal digits; nullopt on anything else.
std::optional<int> parse_digits(std::string_view text) {
  if (text.empty()) {
    return std::nullopt;
  }
  for (const char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
  }
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

Date::Date(int y, unsigned m, unsigned d) {
  const year_month_day ymd{chr::year{y}, chr::month{m}, chr::day{d}};
  if (!ymd.ok()) {
    throw std::invalid_argument("no such date");
  }
  days_ = static_cast<int>(sys_days{ymd}.time_since_epoch().count());
}

Date Date::from_year_doy(int y, int doy) {
  if (doy < 1 || doy > days_in_year(y)) {
    throw std::invalid_argument("day of year out of range");
  }
  return Date(y, 1, 1) + (doy - 1);
}

std::optional<Date> Date::parse(std::string_view text) {
  // "YYYY-MM-DD"
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    const auto y = parse_digits(text.substr(0, 4));
    const auto m = parse_digits(text.substr(5, 2));
    const auto d = parse_digits(text.substr(8, 2));
    if (!y || !m || !d) {
      return std::nullopt;
    }
    const year_month_day ymd{chr::year{*y}, chr::month{static_cast<unsigned>(*m)},
                             chr::day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) {
      return std::nullopt;
    }
    return Date(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
  }
  // "YYYY-DOY"
  if (text.size() == 8 && text[4] == '-') {
    const auto y = parse_digits(text.substr(0, 4));
    const auto doy = parse_digits(text.substr(5, 3));
    if (!y || !doy || *doy < 1 || *doy > days_in_year(*y)) {
      return std::nullopt;
    }
    return from_year_doy(*y, *doy);
  }
  return std::nullopt;
}

int Date::year() const { return static_cast<int>(ymd_of(days_).year()); }
unsigned Date::month() const { return static_cast<unsigned>(ymd_of(days_).month()); }
unsigned Date::day() const { return static_cast<unsigned>(ymd_of(days_).day()); }

int Date::day_of_year() const { return days_ - Date(year(), 1, 1).days_ + 1; }

bool Date::is_leap_year(int y) { return std::chrono::year{y}.is_leap(); }

int Date::iso_weekday_index() const {
  // 1970-01-01 was a Thursday (index 3).
  const int r = (days_ + 3) % 7;
  return r < 0 ? r + 7 : r;
}

std::string Date::iso() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

std::string Date::year_doy() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%03d", year(), day_of_year());
  return buf;
}

}  // namespace egin

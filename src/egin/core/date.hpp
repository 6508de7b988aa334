// Date: a calendar day (proleptic Gregorian), with day-of-year and parsing of the two forms egin
// reads: ISO "YYYY-MM-DD" and pyfao56's "YYYY-DOY". Holds no time of day and no time zone.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace egin {

class Date final {
 public:
  constexpr Date() = default;
  /// Throws std::invalid_argument if the day does not exist.
  Date(int year, unsigned month, unsigned day);
  /// Day `doy` (1-based) of `year`; throws std::invalid_argument outside 1..365/366.
  static Date from_year_doy(int year, int doy);
  /// Days since 1970-01-01 (negative before).
  static constexpr Date from_days(int days_since_epoch) {
    Date d;
    d.days_ = days_since_epoch;
    return d;
  }

  /// Parses "YYYY-MM-DD" or "YYYY-DOY" (three digits); nullopt if neither form or no such day.
  static std::optional<Date> parse(std::string_view text);

  [[nodiscard]] int year() const;
  [[nodiscard]] unsigned month() const;
  [[nodiscard]] unsigned day() const;
  /// 1 on 1 January, 365 or 366 on 31 December.
  [[nodiscard]] int day_of_year() const;
  [[nodiscard]] static bool is_leap_year(int year);
  [[nodiscard]] static int days_in_year(int year) { return is_leap_year(year) ? 366 : 365; }
  /// 0 = Monday … 6 = Sunday (ISO 8601).
  [[nodiscard]] int iso_weekday_index() const;

  [[nodiscard]] constexpr int days_since_epoch() const { return days_; }
  [[nodiscard]] std::string iso() const;       // "2013-04-23"
  [[nodiscard]] std::string year_doy() const;  // "2013-113"

  constexpr Date operator+(int days) const { return from_days(days_ + days); }
  constexpr Date operator-(int days) const { return from_days(days_ - days); }
  constexpr int operator-(Date other) const { return days_ - other.days_; }
  Date& operator++() {
    ++days_;
    return *this;
  }
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  constexpr auto operator<=>(const Date&) const = default;

 private:
  int days_ = 0;
};

}  // namespace egin

// Bucket lengths and names of the rollup levels declared in time_series_store.hpp.
#include "egin/store/time_series_store.hpp"

namespace egin::store {

TimeMs bucket_ms(Resolution resolution) {
  switch (resolution) {
    case Resolution::raw:
      return 0;
    case Resolution::minute:
      return kMsPerMinute;
    case Resolution::hour:
      return kMsPerHour;
    case Resolution::day:
      return kMsPerDay;
  }
  return 0;
}

std::string_view resolution_name(Resolution resolution) {
  switch (resolution) {
    case Resolution::raw:
      return "raw";
    case Resolution::minute:
      return "1m";
    case Resolution::hour:
      return "1h";
    case Resolution::day:
      return "1d";
  }
  return "raw";
}

}  // namespace egin::store

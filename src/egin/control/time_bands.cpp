#include "egin/control/time_bands.hpp"

#include <algorithm>
#include <array>

namespace egin::control {
namespace {

struct Start {
  TimeMs t_ms;
  std::size_t index;
};

double ramp_fraction(const Band& band, TimeMs since_ms) {
  if (band.ramp_min <= 0.0) {
    return 1.0;
  }
  return std::clamp(
      static_cast<double>(since_ms) / (band.ramp_min * static_cast<double>(kMsPerMinute)), 0.0,
      1.0);
}

}  // namespace

BandsResult evaluate_bands(const std::vector<Band>& bands, const SiteInfo& site, TimeMs now_ms) {
  // The starts of the last three local days that are not in the future: a start is at most
  // 1440 + 720 min after its day's midnight, so day − 2 always contributes, and the chain of
  // ramps is long enough to have forgotten its (approximate) beginning.
  constexpr std::size_t kDays = 3;
  std::array<Start, kDays * kMaxBands> starts{};
  std::size_t n = 0;
  const Date today = local_date(now_ms, site.utc_offset_min);
  const std::size_t count = std::min(bands.size(), kMaxBands);
  for (int back = static_cast<int>(kDays) - 1; back >= 0; --back) {
    const Date day = today - back;
    const SunTimes sun = sun_times(site, day);
    for (std::size_t i = 0; i < count; ++i) {
      const TimeMs t = resolve(bands[i].start, day, site.utc_offset_min, sun);
      if (t <= now_ms) {
        starts[n++] = {t, i};
      }
    }
  }
  std::sort(starts.begin(), starts.begin() + static_cast<std::ptrdiff_t>(n),
            [](const Start& a, const Start& b) {
              return a.t_ms != b.t_ms ? a.t_ms < b.t_ms : a.index < b.index;
            });
  BandsResult out;
  if (n == 0) {  // not reachable with validated settings; hold the first band
    out.setpoints = bands.empty() ? Setpoints{} : bands.front().setpoints;
    return out;
  }
  // Walk the chain: each band ramps from the value its predecessor had reached at its start.
  Setpoints from = bands[starts[0].index].setpoints;
  for (std::size_t k = 1; k < n; ++k) {
    const Band& previous = bands[starts[k - 1].index];
    from = blend(from, previous.setpoints,
                 ramp_fraction(previous, starts[k].t_ms - starts[k - 1].t_ms));
  }
  const Start& last = starts[n - 1];
  const Band& band = bands[last.index];
  out.ramp_frac = ramp_fraction(band, now_ms - last.t_ms);
  out.setpoints = blend(from, band.setpoints, out.ramp_frac);
  out.band_index = last.index;
  out.band_start_ms = last.t_ms;
  return out;
}

}  // namespace egin::control

#include "egin/runtime/field_soil_water.hpp"

#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "egin/control/site_sun.hpp"

namespace egin::runtime {

double root_zone_water_content_m3_m3(double theta_fc_m3_m3, double dr_mm, double zr_m) {
  if (!(zr_m > 0.0)) {
    throw std::invalid_argument(fmt::format("rooting depth {} m: must be > 0", zr_m));
  }
  return theta_fc_m3_m3 - dr_mm / (1000.0 * zr_m);  // FAO-56 Eq. 87: Dr = 1000 (θFC − θ) Zr
}

std::optional<double> root_zone_water_content_at(const fieldwater::ScheduleResult& result,
                                                 double theta_fc_m3_m3, TimeMs t_ms,
                                                 int utc_offset_min) {
  const Date day = control::local_date(t_ms, utc_offset_min);
  const fieldwater::DayRecord* today = nullptr;
  const fieldwater::DayRecord* before = nullptr;
  auto visit = [&](const fieldwater::DayRecord& r) {
    if (r.date == day - 1) {
      before = &r;
    } else if (r.date == day) {
      today = &r;
    }
  };
  for (const fieldwater::DayRecord& r : result.observed) {
    visit(r);
  }
  for (const fieldwater::ProjectedDay& p : result.projection) {
    visit(p.record);
  }
  if (today == nullptr) {
    return std::nullopt;
  }
  const double end = root_zone_water_content_m3_m3(theta_fc_m3_m3, today->dr_mm, today->zr_m);
  const double start = before == nullptr ? end
                                         : root_zone_water_content_m3_m3(
                                               theta_fc_m3_m3, before->dr_mm, before->zr_m);
  const double f = static_cast<double>(t_ms - control::local_midnight_ms(day, utc_offset_min)) /
                   static_cast<double>(kMsPerDay);
  return start + f * (end - start);
}

std::vector<SenmlRecord> soil_water_records(const ZoneSpec& zone, double theta_m3_m3, TimeMs t_ms) {
  std::vector<SenmlRecord> out;
  for (const DeviceSpec& device : zone.devices) {
    for (const ChannelSpec& channel : device.channels) {
      if (channel.quantity != "volumetric_water_content" || channel.unit != "%") {
        continue;
      }
      SenmlRecord r;
      r.index = out.size();
      r.name = channel_key(zone, device, channel);
      r.unit = channel.unit;
      r.time_s = static_cast<double>(t_ms) / 1000.0;
      r.value = theta_m3_m3 * 100.0;
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace egin::runtime

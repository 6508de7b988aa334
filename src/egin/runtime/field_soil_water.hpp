// Field soil water as a probe would read it: the volumetric water content of a field's root
// zone from its FAO-56 single-layer water balance (fieldwater/, run by field_advisor.hpp), so
// that a site without soil probes (the demo farm) has readings on its
// volumetric_water_content channels.
//
// | quantity       | description                                   | unit  | source             |
// |----------------|-----------------------------------------------|-------|--------------------|
// | theta_fc       | volumetric water content at field capacity    | m3/m3 | field's soil       |
// | dr             | root-zone depletion at the end of a day       | mm    | water balance      |
// | zr             | rooting depth of that day                     | m     | water balance      |
// | theta          | mean volumetric water content of the root zone| m3/m3 | FAO-56 Eq. 87 rearr.|
// FAO-56 Eq. 87 gives the depletion from the water content, Dr = 1000 (θFC − θ) Zr; solved for θ:
// θ = θFC − Dr / (1000 Zr). With 0 ≤ Dr ≤ TAW = 1000 (θFC − θWP) Zr (Eq. 82, 85) θ lies in
// [θWP, θFC]. The balance is daily (end-of-day stores); within a day θ is linear in time from
// the end of the day before (at the local day's start) to the end of the day.
// The bucket has one layer: every depth of a probe gets the root-zone mean. Only channels whose
// quantity is volumetric_water_content are given; soil water tension and flows stay empty (the
// balance has no retention curve and no irrigation hydraulics).
// It must not run the balance (fieldwater does) or ingest anything.
#pragma once

#include <optional>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/core/senml.hpp"
#include "egin/fieldwater/schedule.hpp"
#include "egin/runtime/site.hpp"

namespace egin::runtime {

/// θ (m3/m3) of a root zone of depth `zr_m` (> 0) with depletion `dr_mm` below field capacity
/// `theta_fc_m3_m3`: FAO-56 Eq. 87 rearranged. Throws std::invalid_argument for zr_m <= 0.
[[nodiscard]] double root_zone_water_content_m3_m3(double theta_fc_m3_m3, double dr_mm,
                                                   double zr_m);

/// θ (m3/m3) at `t_ms` from the daily records of a schedule (observed days, then the projected
/// ones), linear within the site's local day (UTC offset `utc_offset_min`); nullopt when no
/// record is for that day. The first day's start takes the first day's end.
[[nodiscard]] std::optional<double> root_zone_water_content_at(
    const fieldwater::ScheduleResult& result, double theta_fc_m3_m3, TimeMs t_ms,
    int utc_offset_min);

/// One record per volumetric_water_content channel of `zone` ("zone/device/channel"), the value
/// θ × 100 in the channel's unit "%" (other units: none for that channel), at `t_ms`.
[[nodiscard]] std::vector<SenmlRecord> soil_water_records(const ZoneSpec& zone, double theta_m3_m3,
                                                          TimeMs t_ms);

}  // namespace egin::runtime

#include "egin/devices/frame_timing.hpp"

namespace egin::devices {

FrameTiming FrameTiming::of(const LinkSettings& settings, double tcp_round_trip_ms) {
  FrameTiming timing;
  timing.turnaround_ms = settings.turnaround_ms;
  if (const auto* line = std::get_if<SerialLine>(&settings.where)) {
    timing.char_ms = 1000.0 * line->bits_per_char() / line->baud;
    // Modbus over Serial Line V1.02 §2.5.1.1: t3.5, and 1.75 ms fixed above 19200 bit/s.
    timing.silence_ms = line->baud > 19200 ? 1.75 : 3.5 * timing.char_ms;
  } else {
    timing.tcp = true;
    timing.tcp_round_trip_ms = tcp_round_trip_ms;
  }
  return timing;
}

double FrameTiming::exchange_ms(int request_bytes, int response_bytes) const {
  if (tcp) {
    return tcp_round_trip_ms + turnaround_ms;
  }
  return (request_bytes + response_bytes) * char_ms + 2.0 * silence_ms + turnaround_ms;
}

}  // namespace egin::devices

// FrameTiming: how long one Modbus transaction holds the bus — the time budget model of the
// per-bus scheduler (bus_schedule.hpp) and of bench/bench_modbus.cpp. On a serial line a
// character takes bits_per_char / baud seconds (8N1: 10 bits), frames are separated by a silence
// of 3.5 characters (fixed 1.75 ms above 19200 bit/s) (Modbus over Serial Line V1.02
// §2.5.1.1), and the node needs a turnaround before it answers. Frame sizes (RTU, with slave
// address and CRC; Modbus Application Protocol V1.1b3 §6.3, §6.12):
//   FC 0x03 request 8 bytes, response 5 + 2n;  FC 0x10 request 9 + 2n, response 8.
// On TCP the model is a fixed per-transaction time (loopback or LAN round trip).
// It must not measure anything.
#pragma once

#include "egin/devices/link_settings.hpp"

namespace egin::devices {

struct FrameTiming {
  double char_ms = 0.0;        // one character on the wire
  double silence_ms = 0.0;     // inter-frame silence t3.5
  double turnaround_ms = 0.0;  // node's reply delay
  double tcp_round_trip_ms = 0.0;
  bool tcp = false;

  static FrameTiming of(const LinkSettings& settings, double tcp_round_trip_ms = 2.0);

  /// Bus time of an RTU exchange of `request_bytes` then `response_bytes`: both frames, two
  /// silences and the turnaround.
  [[nodiscard]] double exchange_ms(int request_bytes, int response_bytes) const;
  /// FC 0x03 of `count` registers.
  [[nodiscard]] double read_ms(int count) const { return exchange_ms(8, 5 + 2 * count); }
  /// FC 0x10 of `count` registers.
  [[nodiscard]] double write_ms(int count) const { return exchange_ms(9 + 2 * count, 8); }
};

}  // namespace egin::devices

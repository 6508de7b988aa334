// LibmodbusLink: ModbusLink on libmodbus 3.1 (Debian libmodbus-dev) — modbus_new_tcp /
// modbus_new_rtu, response and byte timeouts, errno → TransferStatus (EMBBADCRC → CRC error,
// ETIMEDOUT → timeout, EMBX* → exception code, EMBBAD*/EMBMDATA → bad frame, others → I/O).
// After any failed transaction the input is flushed once the line fell silent, so a corrupted
// frame never leaves bytes that would garble the next one (the bus does not wedge on noise);
// after an I/O failure the link reconnects on the next call.
// It must not retry (callers decide) or know nodes.
#pragma once

#include <memory>

#include "egin/devices/link_settings.hpp"
#include "egin/devices/modbus_link.hpp"

namespace egin::devices {

/// Opens a link; connection happens lazily on the first transaction (so a missing device or a
/// node that is down is a failed transaction, not an exception).
std::unique_ptr<ModbusLink> open_libmodbus_link(const LinkSettings& settings);

}  // namespace egin::devices

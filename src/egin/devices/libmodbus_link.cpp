#include "egin/devices/libmodbus_link.hpp"

#include <modbus/modbus.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

namespace egin::devices {

namespace {

using Clock = std::chrono::steady_clock;

void set_timeout(modbus_t* ctx, int ms, bool response) {
  const auto sec = static_cast<std::uint32_t>(ms / 1000);
  const auto usec = static_cast<std::uint32_t>((ms % 1000) * 1000);
  if (response) {
    modbus_set_response_timeout(ctx, sec, usec);
  } else {
    modbus_set_byte_timeout(ctx, sec, usec);
  }
}

class LibmodbusLink final : public ModbusLink {
 public:
  explicit LibmodbusLink(const LinkSettings& settings) : settings_(settings) {
    if (const auto* tcp = std::get_if<TcpEndpoint>(&settings.where)) {
      ctx_ = modbus_new_tcp_pi(tcp->host.c_str(), std::to_string(tcp->port).c_str());
    } else {
      const auto& line = std::get<SerialLine>(settings.where);
      const char parity =
          line.parity == Parity::kNone ? 'N' : (line.parity == Parity::kEven ? 'E' : 'O');
      ctx_ = modbus_new_rtu(line.device.c_str(), line.baud, parity, line.data_bits, line.stop_bits);
      // Silence after which a frame is over (Modbus over Serial Line V1.02 §2.5.1.1: t3.5, fixed
      // 1.75 ms above 19200 bit/s); used to flush what is left of a corrupted frame.
      const double char_ms = 1000.0 * line.bits_per_char() / line.baud;
      silence_ms_ = line.baud > 19200 ? 1.75 : 3.5 * char_ms;
    }
    if (ctx_ == nullptr) {
      throw std::runtime_error(fmt::format("cannot create a Modbus context for {}: {}",
                                           settings.describe(), std::strerror(errno)));
    }
    set_timeout(ctx_, settings.response_timeout_ms, true);
    set_timeout(ctx_, settings.byte_timeout_ms, false);
  }
  ~LibmodbusLink() override {
    if (connected_) {
      modbus_close(ctx_);
    }
    modbus_free(ctx_);
  }
  LibmodbusLink(const LibmodbusLink&) = delete;
  LibmodbusLink& operator=(const LibmodbusLink&) = delete;

  TransferResult read_holding(int slave, int address, std::span<std::uint16_t> out) override {
    return run(slave, [&] {
      return modbus_read_registers(ctx_, address, static_cast<int>(out.size()), out.data());
    });
  }
  TransferResult read_input(int slave, int address, std::span<std::uint16_t> out) override {
    return run(slave, [&] {
      return modbus_read_input_registers(ctx_, address, static_cast<int>(out.size()), out.data());
    });
  }
  TransferResult write_registers(int slave, int address,
                                 std::span<const std::uint16_t> values) override {
    return run(slave, [&] {
      return modbus_write_registers(ctx_, address, static_cast<int>(values.size()), values.data());
    });
  }
  TransferResult read_coils(int slave, int address, std::span<std::uint8_t> out) override {
    return run(slave, [&] {
      return modbus_read_bits(ctx_, address, static_cast<int>(out.size()), out.data());
    });
  }
  TransferResult write_coil(int slave, int address, bool on) override {
    return run(slave, [&] { return modbus_write_bit(ctx_, address, on ? 1 : 0); });
  }
  [[nodiscard]] std::string describe() const override { return settings_.describe(); }

 private:
  template <typename Call>
  TransferResult run(int slave, Call&& call) {
    const auto started = Clock::now();
    TransferResult result;
    if (!connected_) {
      if (modbus_connect(ctx_) == -1) {
        result.status = TransferStatus::kIoError;
        result.message =
            fmt::format("cannot connect to {}: {}", settings_.describe(), modbus_strerror(errno));
        result.elapsed_ms = elapsed_ms(started);
        // A refused TCP connection returns at once; do not spin on it.
        return result;
      }
      connected_ = true;
    }
    modbus_set_slave(ctx_, slave);
    errno = 0;
    const int rc = call();
    if (rc == -1) {
      const int error = errno;
      classify(error, result);
      recover(result.status);
    }
    result.elapsed_ms = elapsed_ms(started);
    return result;
  }

  static double elapsed_ms(Clock::time_point started) {
    return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  }

  static void classify(int error, TransferResult& result) {
    result.message = modbus_strerror(error);
    if (error == EMBBADCRC) {
      result.status = TransferStatus::kCrcError;
    } else if (error == ETIMEDOUT) {
      result.status = TransferStatus::kTimeout;
    } else if (error > MODBUS_ENOBASE &&
               error <= MODBUS_ENOBASE + MODBUS_EXCEPTION_GATEWAY_TARGET) {
      result.status = TransferStatus::kException;
      result.exception_code = static_cast<std::uint8_t>(error - MODBUS_ENOBASE);
      result.message =
          fmt::format("exception 0x{:02X} ({})", result.exception_code, modbus_strerror(error));
    } else if (error == EMBBADDATA || error == EMBBADEXC || error == EMBUNKEXC ||
               error == EMBMDATA || error == EMBBADSLAVE) {
      result.status = TransferStatus::kBadFrame;
    } else {
      result.status = TransferStatus::kIoError;
    }
  }

  void recover(TransferStatus status) {
    if (status == TransferStatus::kException) {
      return;  // a clean answer: nothing left over
    }
    if (status == TransferStatus::kIoError || settings_.is_tcp()) {
      // A TCP stream that lost sync (timeout, bad frame) cannot be trusted either: a late answer
      // would be read as the next one's. Reconnect.
      modbus_close(ctx_);
      connected_ = false;
      return;
    }
    // RTU: let the rest of a garbled or late frame arrive, then drop it.
    std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(silence_ms_ + 2.0));
    modbus_flush(ctx_);
  }

  LinkSettings settings_;
  modbus_t* ctx_ = nullptr;
  bool connected_ = false;
  double silence_ms_ = 4.0;
};

}  // namespace

std::unique_ptr<ModbusLink> open_libmodbus_link(const LinkSettings& settings) {
  return std::make_unique<LibmodbusLink>(settings);
}

}  // namespace egin::devices

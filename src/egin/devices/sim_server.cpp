#include "egin/devices/sim_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <modbus/modbus.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "egin/devices/modbus_link.hpp"
#include "egin/devices/rtu_framer.hpp"

namespace egin::devices {

namespace {

std::uint16_t be16(const std::uint8_t* p) {
  return static_cast<std::uint16_t>((p[0] << 8U) | p[1]);
}

void sleep_ms(double ms) {
  if (ms > 0.0) {
    std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(ms));
  }
}

speed_t termios_speed(int baud) {
  switch (baud) {
    case 1200:
      return B1200;
    case 2400:
      return B2400;
    case 4800:
      return B4800;
    case 19200:
      return B19200;
    case 38400:
      return B38400;
    case 57600:
      return B57600;
    case 115200:
      return B115200;
    default:
      return B9600;
  }
}

}  // namespace

struct SimServer::MapNode {
  explicit MapNode(const ModbusMap& map) {
    int coils = 1;
    int holding = 1;
    int input = 1;
    for (const MapPoint& p : map.points) {
      const int end = p.address + p.width();
      if (p.table == RegisterTable::kCoil) {
        coils = std::max(coils, end);
      }
      if (p.table == RegisterTable::kHolding) {
        holding = std::max(holding, end);
      }
      if (p.table == RegisterTable::kInput) {
        input = std::max(input, end);
      }
    }
    mapping = modbus_mapping_new(coils, 0, holding, input);
    if (mapping == nullptr) {
      throw std::runtime_error("modbus_mapping_new failed");
    }
    for (const MapPoint& p : map.points) {
      // Relays start off; registers in the middle of their range.
      const double value =
          p.sim_value.value_or(p.type == PointType::kBool ? p.min : (p.min + p.max) / 2.0);
      const auto regs = encode_point(p, value);
      if (!regs) {
        continue;
      }
      for (std::size_t i = 0; i < regs->size(); ++i) {
        const int at = p.address + static_cast<int>(i);
        if (p.table == RegisterTable::kCoil) {
          mapping->tab_bits[at] = (*regs)[i] != 0 ? 1 : 0;
        } else if (p.table == RegisterTable::kHolding) {
          mapping->tab_registers[at] = (*regs)[i];
        } else {
          mapping->tab_input_registers[at] = (*regs)[i];
        }
      }
    }
  }
  ~MapNode() { modbus_mapping_free(mapping); }
  MapNode(const MapNode&) = delete;
  MapNode& operator=(const MapNode&) = delete;
  modbus_mapping_t* mapping = nullptr;
};

SimServer::SimServer(NodeEnvironment& environment, const Clock& clock)
    : environment_(environment), clock_(clock) {}

SimServer::~SimServer() { stop(); }

void SimServer::add_node(const SimNodeConfig& config) {
  const std::lock_guard lock(mutex_);
  if (nodes_.contains(config.slave)) {
    throw std::invalid_argument(fmt::format("slave {} is simulated twice", config.slave));
  }
  nodes_.emplace(config.slave, std::make_unique<SimNode>(config, environment_, clock_.now_ms()));
}

SimServerStats SimServer::stats() const {
  const std::lock_guard lock(stats_mutex_);
  return stats_;
}

void SimServer::add_map_node(int slave, const ModbusMap& map) {
  const std::lock_guard lock(mutex_);
  if (nodes_.contains(slave) || map_nodes_.contains(slave)) {
    throw std::invalid_argument(fmt::format("slave {} is simulated twice", slave));
  }
  map_nodes_.emplace(slave, std::make_unique<MapNode>(map));
}

std::uint16_t SimServer::reg(int slave, int number) {
  const std::lock_guard lock(mutex_);
  const auto it = nodes_.find(slave);
  if (it == nodes_.end()) {
    return 0;
  }
  it->second->refresh(clock_.now_ms());
  return it->second->reg(number);
}

int SimServer::handle(modbus_t* ctx, const std::uint8_t* req, int length, int header, bool tcp,
                      double delay_ms_per_byte, double turnaround_ms) {
  if (length < header + 1) {
    return -1;
  }
  const int slave = req[header - 1];
  const std::uint8_t function = req[header];
  {
    const std::lock_guard lock(stats_mutex_);
    ++stats_.requests;
  }
  const std::lock_guard lock(mutex_);
  if (const auto generic = map_nodes_.find(slave); generic != map_nodes_.end()) {
    const int rc = modbus_reply(ctx, req, length, generic->second->mapping);
    const std::lock_guard stats_lock(stats_mutex_);
    ++stats_.replies;
    return rc < 0 ? -1 : 2;
  }
  const auto it = nodes_.find(slave);
  if (it == nodes_.end()) {
    const std::lock_guard stats_lock(stats_mutex_);
    if (!tcp) {
      ++stats_.ignored;  // someone else's address on a shared line
      return -1;
    }
    ++stats_.exceptions;
    modbus_reply_exception(ctx, req, kExceptionGatewayTargetFailed);
    return 2;
  }
  SimNode& node = *it->second;
  const TimeMs now = clock_.now_ms();
  node.refresh(now);

  // Response PDU length, for the line-speed model: read 2 + 2n, write 5, exception 2.
  int response_pdu = 2;
  std::uint8_t exception = 0;
  int write_address = -1;
  int write_count = 0;
  std::vector<std::uint16_t> values;
  if (function == 0x03 && length >= header + 5) {
    response_pdu = 2 + 2 * be16(req + header + 3);
  } else if ((function == 0x10 && length >= header + 6) ||
             (function == 0x06 && length >= header + 5)) {
    write_address = be16(req + header + 1);
    if (function == 0x06) {
      values.push_back(be16(req + header + 3));
    } else {
      write_count = be16(req + header + 3);
      const int bytes = req[header + 5];
      if (bytes == 2 * write_count && length >= header + 6 + bytes) {
        for (int i = 0; i < write_count; ++i) {
          values.push_back(be16(req + header + 6 + static_cast<std::ptrdiff_t>(2) * i));
        }
      }
    }
    write_count = static_cast<int>(values.size());
    exception = values.empty() ? std::uint8_t{kExceptionIllegalDataValue}
                               : node.check_write(write_address, values);
    response_pdu = 5;
  } else {
    exception = kExceptionIllegalFunction;
  }
  if (exception != 0) {
    response_pdu = 2;
  }

  if (delay_ms_per_byte > 0.0) {
    // Request (with its CRC) and response frames on the wire (RTU adds slave + CRC = 3 bytes).
    sleep_ms((length + response_pdu + 3) * delay_ms_per_byte + turnaround_ms);
  }
  int rc = 0;
  if (exception != 0) {
    rc = modbus_reply_exception(ctx, req, exception);
    const std::lock_guard stats_lock(stats_mutex_);
    ++stats_.exceptions;
  } else {
    // A node takes a command before it answers: apply the write and its effect first, so that a
    // master reading right after the response sees the new state (modbus_reply then writes the
    // same values again and answers).
    if (write_address >= 0) {
      node.write(write_address, values);
      node.after_write(write_address, write_count, now);
    }
    rc = modbus_reply(ctx, req, length, node.mapping());
    const std::lock_guard stats_lock(stats_mutex_);
    ++stats_.replies;
  }
  return rc < 0 ? -1 : response_pdu;
}

int SimServer::start_tcp(const TcpEndpoint& endpoint) {
  tcp_ctx_ = modbus_new_tcp_pi(endpoint.host.c_str(), std::to_string(endpoint.port).c_str());
  if (tcp_ctx_ == nullptr) {
    throw std::runtime_error("cannot create the Modbus TCP context");
  }
  const int listen_fd = modbus_tcp_pi_listen(tcp_ctx_, 16);
  if (listen_fd < 0) {
    throw std::runtime_error(fmt::format("cannot listen on {}:{}: {}", endpoint.host, endpoint.port,
                                         modbus_strerror(errno)));
  }
  sockaddr_storage address{};
  socklen_t size = sizeof(address);
  getsockname(listen_fd, reinterpret_cast<sockaddr*>(&address), &size);
  int port = endpoint.port;
  if (address.ss_family == AF_INET) {
    port = ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
  } else if (address.ss_family == AF_INET6) {
    port = ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port);
  }
  threads_.emplace_back([this, listen_fd] { serve_tcp(listen_fd); });
  return port;
}

void SimServer::serve_tcp(int listen_fd) {
  std::vector<int> clients;
  std::vector<std::uint8_t> query(MODBUS_TCP_MAX_ADU_LENGTH);
  while (!stopping_) {
    fd_set read_set;
    FD_ZERO(&read_set);
    FD_SET(listen_fd, &read_set);
    int max_fd = listen_fd;
    for (const int fd : clients) {
      FD_SET(fd, &read_set);
      max_fd = std::max(max_fd, fd);
    }
    timeval tick{0, 100000};
    const int ready = select(max_fd + 1, &read_set, nullptr, nullptr, &tick);
    if (ready < 0) {
      if (errno == EINTR) {
        continue;
      }
      break;
    }
    if (ready == 0) {
      continue;
    }
    if (FD_ISSET(listen_fd, &read_set)) {
      const int fd = accept(listen_fd, nullptr, nullptr);
      if (fd >= 0) {
        clients.push_back(fd);
      }
    }
    for (auto it = clients.begin(); it != clients.end();) {
      const int fd = *it;
      if (!FD_ISSET(fd, &read_set)) {
        ++it;
        continue;
      }
      modbus_set_socket(tcp_ctx_, fd);
      const int rc = modbus_receive(tcp_ctx_, query.data());
      if (rc > 0) {
        handle(tcp_ctx_, query.data(), rc, modbus_get_header_length(tcp_ctx_), true, 0.0, 0.0);
        ++it;
      } else if (rc == -1) {
        close(fd);  // client gone (or spoke garbage)
        it = clients.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (const int fd : clients) {
    close(fd);
  }
  close(listen_fd);
}

void SimServer::start_rtu(const SerialLine& line, bool emulate_line_speed) {
  const int fd = ::open(line.device.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    throw std::runtime_error(fmt::format("cannot open {}: {}", line.device, std::strerror(errno)));
  }
  start_rtu_fd(fd, line, emulate_line_speed);
}

void SimServer::start_rtu_fd(int fd, const SerialLine& line, bool emulate_line_speed) {
  termios tio{};
  if (tcgetattr(fd, &tio) == 0) {
    cfmakeraw(&tio);
    cfsetispeed(&tio, termios_speed(line.baud));
    cfsetospeed(&tio, termios_speed(line.baud));
    tio.c_cc[VMIN] = 0;
    tio.c_cc[VTIME] = 0;
    tcsetattr(fd, TCSANOW, &tio);
  }
  threads_.emplace_back(
      [this, fd, line, emulate_line_speed] { serve_rtu(fd, line, emulate_line_speed); });
}

void SimServer::serve_rtu(int fd, const SerialLine& line, bool emulate) {
  modbus_t* ctx = modbus_new_rtu(line.device.empty() ? "/dev/null" : line.device.c_str(), line.baud,
                                 'N', line.data_bits, line.stop_bits);
  if (ctx == nullptr) {
    close(fd);
    return;
  }
  {
    const std::lock_guard lock(mutex_);
    rtu_ctx_.push_back(ctx);
  }
  modbus_set_socket(ctx, fd);
  const double char_ms = 1000.0 * line.bits_per_char() / line.baud;
  // Silence that ends a frame: t3.5 on the line, but at least 5 ms (a pty delivers in bursts).
  const int gap_ms = std::max(5, static_cast<int>(std::ceil(3.5 * char_ms)));
  RtuRequestFramer framer;
  std::uint8_t buffer[512];
  while (!stopping_) {
    pollfd p{fd, POLLIN, 0};
    const int ready = poll(&p, 1, framer.buffered() > 0 ? gap_ms : 100);
    if (ready < 0) {
      if (errno == EINTR) {
        continue;
      }
      break;
    }
    if (ready == 0) {
      if (auto frame = framer.silence()) {
        handle(ctx, frame->data(), static_cast<int>(frame->size()), 1, false,
               emulate ? char_ms : 0.0, emulate ? 5.0 : 0.0);
      }
      continue;
    }
    if ((p.revents & (POLLHUP | POLLERR)) != 0 && (p.revents & POLLIN) == 0) {
      // The other end of a pty is closed: wait for it to come back.
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      continue;
    }
    const ssize_t n = ::read(fd, buffer, sizeof(buffer));
    if (n <= 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    framer.feed(std::span<const std::uint8_t>(buffer, static_cast<std::size_t>(n)));
    while (auto frame = framer.take()) {
      handle(ctx, frame->data(), static_cast<int>(frame->size()), 1, false, emulate ? char_ms : 0.0,
             emulate ? 5.0 : 0.0);
    }
    const std::lock_guard lock(stats_mutex_);
    stats_.crc_errors = framer.crc_errors();
  }
  close(fd);
}

void SimServer::stop() {
  stopping_ = true;
  for (std::thread& thread : threads_) {
    if (thread.joinable()) {
      thread.join();
    }
  }
  threads_.clear();
  if (tcp_ctx_ != nullptr) {
    modbus_free(tcp_ctx_);
    tcp_ctx_ = nullptr;
  }
  for (modbus_t* ctx : rtu_ctx_) {
    modbus_free(ctx);
  }
  rtu_ctx_.clear();
}

}  // namespace egin::devices

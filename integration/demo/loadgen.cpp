// loadgen.cpp: the verifying load client. Sends GET /item?id=K to the demo
// server on 127.0.0.1 from C concurrent connections (one TCP connection per
// request, HTTP/1.0) and checks every answer against the request:
//   correct  200 with "id=K name=item-K"
//   wrong    a 2xx/4xx answer that is not that row (another request's row,
//            or "no such item" for an id that exists)
//   error    5xx, or the connection reset/closed without a full answer
//   hang     no full answer within the per-request timeout
// Every loop is bounded: N requests at most, each at most T ms, and no new
// request starts after S seconds (then the rest are counted as `unsent`).
//
//   demo-loadgen --port P [--requests 10000] [--concurrency 16] [--timeout-ms 2000]
//                [--max-seconds 20] [--ids 150000] [--seed 1] [--show 3]
// Prints one summary line of key=value pairs on stdout; examples of wrong
// answers and errors (at most --show of each) go to stderr.
#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using Clock = std::chrono::steady_clock;

namespace {
enum Outcome { CORRECT, WRONG, ERROR, HANG };

struct Options {
  int port = 0, requests = 10000, concurrency = 16, timeout_ms = 2000, max_seconds = 20, ids = 150000, show = 3;
  unsigned seed = 1;
};

std::mutex g_show_mu;
int g_shown[4];

void show(const Options &o, Outcome kind, long id, const std::string &what) {
  std::lock_guard<std::mutex> lk(g_show_mu);
  if (g_shown[kind]++ >= o.show) return;
  static const char *names[] = {"correct", "wrong", "error", "hang"};
  std::string w = what.substr(0, 160);
  std::replace(w.begin(), w.end(), '\n', ' ');
  std::replace(w.begin(), w.end(), '\r', ' ');
  std::fprintf(stderr, "loadgen: %s: GET /item?id=%ld -> %s\n", names[kind], id, w.c_str());
}

int ms_left(Clock::time_point deadline) {
  auto d = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return d > 0 ? static_cast<int>(d) : 0;
}

// One request; `detail` says what came back.
Outcome one_request(const Options &o, long id, std::string &detail) {
  Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(o.timeout_ms);
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    detail = std::string("socket: ") + std::strerror(errno);
    return ERROR;
  }
  struct Closer {
    int fd;
    ~Closer() { close(fd); }
  } closer{fd};
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(o.port));
  if (connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 && errno != EINPROGRESS) {
    detail = std::string("connect: ") + std::strerror(errno);
    return ERROR;
  }
  pollfd p{fd, POLLOUT, 0};
  if (poll(&p, 1, ms_left(deadline)) <= 0) {
    detail = "connect timed out";
    return HANG;
  }
  int soerr = 0;
  socklen_t sl = sizeof soerr;
  getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl);
  if (soerr != 0) {
    detail = std::string("connect: ") + std::strerror(soerr);
    return ERROR;
  }
  std::string req = "GET /item?id=" + std::to_string(id) + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
  if (send(fd, req.data(), req.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(req.size())) {
    detail = std::string("send: ") + std::strerror(errno);
    return ERROR;
  }
  std::string resp;
  char buf[4096];
  for (;;) { // read to EOF, bounded by the deadline
    int left = ms_left(deadline);
    if (left == 0) {
      detail = "timed out after " + std::to_string(resp.size()) + " bytes";
      return HANG;
    }
    p = pollfd{fd, POLLIN, 0};
    int r = poll(&p, 1, left);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      detail = "timed out after " + std::to_string(resp.size()) + " bytes";
      return HANG;
    }
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (n < 0) {
      detail = std::string("recv: ") + std::strerror(errno);
      return ERROR;
    }
    if (n == 0) break;
    resp.append(buf, static_cast<size_t>(n));
    if (resp.size() > 65536) break;
  }
  size_t hdr_end = resp.find("\r\n\r\n");
  if (resp.compare(0, 9, "HTTP/1.0 ") != 0 || hdr_end == std::string::npos) {
    detail = resp.empty() ? "connection closed without an answer" : "malformed answer: " + resp;
    return ERROR;
  }
  int status = std::atoi(resp.c_str() + 9);
  std::string body = resp.substr(hdr_end + 4);
  detail = std::to_string(status) + " " + body;
  if (status >= 500) return ERROR;
  std::string want = "id=" + std::to_string(id) + " name=item-" + std::to_string(id) + "\n";
  return status == 200 && body == want ? CORRECT : WRONG;
}

bool parse(int argc, char **argv, Options &o) {
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    long v = std::strtol(argv[i + 1], nullptr, 10);
    if (k == "--port") o.port = static_cast<int>(v);
    else if (k == "--requests") o.requests = static_cast<int>(v);
    else if (k == "--concurrency") o.concurrency = static_cast<int>(v);
    else if (k == "--timeout-ms") o.timeout_ms = static_cast<int>(v);
    else if (k == "--max-seconds") o.max_seconds = static_cast<int>(v);
    else if (k == "--ids") o.ids = static_cast<int>(v);
    else if (k == "--seed") o.seed = static_cast<unsigned>(v);
    else if (k == "--show") o.show = static_cast<int>(v);
    else return false;
  }
  return argc % 2 == 1 && o.port > 0 && o.port < 65536 && o.requests > 0 && o.requests <= 1000000 &&
         o.concurrency > 0 && o.concurrency <= 256 && o.timeout_ms > 0 && o.timeout_ms <= 60000 &&
         o.max_seconds > 0 && o.max_seconds <= 600 && o.ids > 0;
}
} // namespace

int main(int argc, char **argv) {
  Options o;
  if (!parse(argc, argv, o)) {
    std::fprintf(stderr, "usage: %s --port P [--requests N] [--concurrency C] [--timeout-ms T] "
                         "[--max-seconds S] [--ids M] [--seed X] [--show K]\n",
                 argv[0]);
    return 2;
  }
  std::atomic<int> next{0};
  std::atomic<long> counts[4] = {};
  std::vector<std::vector<double>> lat(static_cast<size_t>(o.concurrency));
  Clock::time_point start = Clock::now();
  Clock::time_point stop_at = start + std::chrono::seconds(o.max_seconds);
  std::vector<std::thread> threads;
  for (int t = 0; t < o.concurrency; ++t) {
    threads.emplace_back([&, t] {
      for (;;) {
        if (Clock::now() >= stop_at) return;
        int i = next.fetch_add(1);
        if (i >= o.requests) return;
        // ids spread over the whole table, reproducible from --seed
        unsigned long long h = (static_cast<unsigned long long>(i) + 1) * 0x9E3779B97F4A7C15ULL + o.seed;
        h ^= h >> 31;
        long id = static_cast<long>(h % static_cast<unsigned long long>(o.ids)) + 1;
        std::string detail;
        Clock::time_point t0 = Clock::now();
        Outcome r = one_request(o, id, detail);
        lat[static_cast<size_t>(t)].push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        counts[r].fetch_add(1);
        if (r != CORRECT) show(o, r, id, detail);
      }
    });
  }
  for (auto &th : threads) th.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> all;
  for (auto &v : lat) all.insert(all.end(), v.begin(), v.end());
  std::sort(all.begin(), all.end());
  auto pct = [&](double q) {
    if (all.empty()) return 0.0;
    size_t k = static_cast<size_t>(q * static_cast<double>(all.size() - 1) + 0.5);
    return all[std::min(k, all.size() - 1)];
  };
  long sent = static_cast<long>(all.size());
  std::printf("sent=%ld unsent=%ld correct=%ld wrong=%ld errors=%ld hangs=%ld elapsed_s=%.2f rps=%.0f "
              "p50_ms=%.2f p99_ms=%.2f\n",
              sent, o.requests - sent, counts[CORRECT].load(), counts[WRONG].load(), counts[ERROR].load(),
              counts[HANG].load(), elapsed, elapsed > 0 ? static_cast<double>(sent) / elapsed : 0.0, pct(0.50),
              pct(0.99));
  return 0;
}

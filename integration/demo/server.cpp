// server.cpp: a small prefork HTTP server. The master opens a listening
// socket on 127.0.0.1, calls db_master_init(), and forks N workers that all
// accept() on the shared socket. GET /item?id=K answers with the row of id K
// from the `items` table. The database code is linked in from one variant
// file (see db.h); this file is the same for every variant.
//
//   demo-server --port-file FILE [--workers N]
//
// The chosen port is written to FILE once the socket listens. Database errors
// are logged by the worker as one stderr line: "worker PID: db error: ...".
// The master does not respawn workers: it exits when the last one is gone,
// and on SIGTERM/SIGINT it kills its workers and exits.
#include "db.h"

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

const char *demo_mysql_socket() { return std::getenv("FORKSAFE_MYSQL_SOCKET"); }
const char *demo_pg_conninfo() {
  const char *c = std::getenv("FORKSAFE_PG_CONNINFO");
  return c ? c : "";
}

static volatile sig_atomic_t g_stop = 0;
static void on_stop(int) { g_stop = 1; }

// One line to stderr in one write(), so lines of concurrent workers do not mix.
static void log_line(const std::string &s) {
  std::string line = s;
  for (char &c : line)
    if (c == '\n' || c == '\r') c = ' ';
  line += '\n';
  ssize_t w = write(2, line.data(), line.size());
  (void)w;
}

static void write_all(int fd, const std::string &s) {
  size_t off = 0;
  while (off < s.size()) {
    ssize_t n = write(fd, s.data() + off, s.size() - off);
    if (n <= 0) return;
    off += static_cast<size_t>(n);
  }
}

static void reply(int fd, int status, const std::string &body) {
  const char *reason = status == 200 ? "OK" : status == 404 ? "Not Found" : status == 400 ? "Bad Request"
                                                                                          : "Internal Server Error";
  std::string out = "HTTP/1.0 " + std::to_string(status) + " " + reason +
                    "\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: " +
                    std::to_string(body.size() + 1) + "\r\n\r\n" + body + "\n";
  write_all(fd, out);
}

static void handle_client(int fd) {
  char req[1024];
  size_t len = 0;
  while (len < sizeof req - 1) { // read the request head (bounded by SO_RCVTIMEO)
    ssize_t n = read(fd, req + len, sizeof req - 1 - len);
    if (n <= 0) break;
    len += static_cast<size_t>(n);
    req[len] = '\0';
    if (std::strstr(req, "\r\n\r\n")) break;
  }
  req[len] = '\0';
  long id = 0;
  if (std::strncmp(req, "GET /item?id=", 13) != 0 || (id = std::strtol(req + 13, nullptr, 10)) <= 0) {
    reply(fd, 400, "bad request");
    return;
  }
  std::string row, err;
  int status = db_get_item(id, row, err);
  if (status == 500) {
    log_line("worker " + std::to_string(getpid()) + ": db error: " + err);
    reply(fd, 500, "db error: " + err);
  } else if (status == 404) {
    reply(fd, 404, "no item " + std::to_string(id));
  } else {
    reply(fd, 200, row);
  }
}

[[noreturn]] static void worker_loop(int listen_fd) {
  if (!db_worker_init()) {
    log_line("worker " + std::to_string(getpid()) + ": db error: worker init failed");
    _exit(2);
  }
  for (;;) {
    int fd = accept(listen_fd, nullptr, nullptr);
    if (fd < 0) continue;
    timeval tv{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    handle_client(fd);
    close(fd);
  }
}

static int listen_loopback(int *port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0; // any free port
  socklen_t alen = sizeof addr;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || listen(fd, 256) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &alen) != 0)
    return -1;
  *port = ntohs(addr.sin_port);
  return fd;
}

int main(int argc, char **argv) {
  const char *port_file = nullptr;
  int nworkers = 4;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--port-file") && i + 1 < argc) port_file = argv[++i];
    else if (!std::strcmp(argv[i], "--workers") && i + 1 < argc) nworkers = std::atoi(argv[++i]);
    else {
      std::fprintf(stderr, "usage: %s --port-file FILE [--workers N]\n", argv[0]);
      return 2;
    }
  }
  if (!port_file || nworkers < 1 || nworkers > 64) {
    std::fprintf(stderr, "usage: %s --port-file FILE [--workers N]\n", argv[0]);
    return 2;
  }
  std::signal(SIGPIPE, SIG_IGN);
  struct sigaction sa{};
  sa.sa_handler = on_stop;
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);

  if (!db_master_init()) return 1; // the database code of the variant
  int port = 0;
  int listen_fd = listen_loopback(&port);
  if (listen_fd < 0) {
    std::perror("listen");
    return 1;
  }
  std::vector<pid_t> workers;
  for (int i = 0; i < nworkers; ++i) {
    pid_t pid = fork();
    if (pid < 0) {
      std::perror("fork");
      break;
    }
    if (pid == 0) {
      std::signal(SIGTERM, SIG_DFL);
      std::signal(SIGINT, SIG_DFL);
      worker_loop(listen_fd);
    }
    workers.push_back(pid);
  }
  std::string tmp = std::string(port_file) + ".tmp";
  if (FILE *f = std::fopen(tmp.c_str(), "w")) { // atomically: the driver polls for it
    std::fprintf(f, "%d\n", port);
    std::fclose(f);
    std::rename(tmp.c_str(), port_file);
  }
  log_line("master " + std::to_string(getpid()) + ": listening on 127.0.0.1:" + std::to_string(port) + " with " +
           std::to_string(workers.size()) + " workers");
  size_t alive = workers.size();
  while (alive > 0 && !g_stop) {
    int st = 0;
    pid_t pid = waitpid(-1, &st, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      break;
    }
    --alive;
    if (WIFSIGNALED(st))
      log_line("master: worker " + std::to_string(pid) + " killed by signal " + std::to_string(WTERMSIG(st)));
    else
      log_line("master: worker " + std::to_string(pid) + " exited " + std::to_string(WEXITSTATUS(st)));
  }
  for (pid_t w : workers) kill(w, SIGKILL);
  while (waitpid(-1, nullptr, 0) > 0) {
  }
  return alive == 0 && !g_stop ? 3 : 0;
}

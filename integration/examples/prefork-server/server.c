#include "db.h"
#include "handlers.h"

#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void worker_loop(int listen_fd) {
  for (;;) {
    int fd = accept(listen_fd, NULL, NULL);
    if (fd < 0)
      continue;
    handle_client(fd);
    close(fd);
  }
}

static int listen_on(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
  if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 ||
      listen(fd, 128) != 0)
    return -1;
  return fd;
}

int main(void) {
  if (db_connect("/run/mysqld/mysqld.sock") != 0) /* connected in the master */
    return 1;
  int listen_fd = listen_on(8080);
  if (listen_fd < 0)
    return 1;
  for (int i = 0; i < 4; ++i) {
    pid_t pid = fork();
    if (pid == 0) {
      worker_loop(listen_fd); /* every worker shares g_db's socket */
      _exit(0);
    }
  }
  while (wait(NULL) > 0) {
  }
  return 0;
}

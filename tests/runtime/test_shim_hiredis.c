/* The hiredis shim against a real redis-server (FORKSAFE_REDIS_SOCKET, from
 * tests/servers/redis.sh). Exit 77 (skip) without a server. */
#include "test_support.h"

#include <hiredis/hiredis.h>
#include <forksafe/shim/hiredis.h>

static redisContext *conn;
static const char *sock;

static int reply_ok(redisReply *r, const char *want) {
  int ok = r && (r->type == REDIS_REPLY_STATUS || r->type == REDIS_REPLY_STRING) && strcmp(r->str, want) == 0;
  if (r) freeReplyObject(r);
  return ok;
}
static int child_command(void *arg) {
  (void)arg;
  return reply_ok((redisReply *)redisCommand(conn, "PING"), "PONG") ? 3 : 4;
}
/* the documented remedy: redisReconnect drops the inherited fd */
static int child_reconnect(void *arg) {
  (void)arg;
  if (redisReconnect(conn) != REDIS_OK) return 10;
  return reply_ok((redisReply *)redisCommand(conn, "PING"), "PONG") ? 0 : 11;
}
static int child_own(void *arg) {
  redisContext *mine = redisConnectUnix(sock);
  int ok;
  (void)arg;
  if (!mine || mine->err) return 20;
  ok = reply_ok((redisReply *)redisCommand(mine, "GET %s", "k"), "v");
  redisFree(mine);
  return ok ? 0 : 21;
}

int main(void) {
  t_result r;
  char site[64];
  pid_t me = getpid();
  int line;
  sock = getenv("FORKSAFE_REDIS_SOCKET");
  if (!sock) { printf("skip: FORKSAFE_REDIS_SOCKET not set\n"); return 77; }
  line = __LINE__ + 1;
  conn = redisConnectUnix(sock);
  T_CHECK(conn && !conn->err, "connect to %s", sock);
  if (!conn || conn->err) return 1;
  snprintf(site, sizeof site, "test_shim_hiredis.c:%d", line);
  T_CHECK(reply_ok((redisReply *)redisCommand(conn, "SET %s %s", "k", "v"), "OK"), "SET in owner");

  t_run_child(T_FORK, child_command, NULL, &r);
  T_CHECK(t_aborted(&r) && t_is_report(r.err, "redisCommand", site, me, r.pid), "command child: %s: %s",
          t_status_str(&r), r.err);
  T_CHECK(strstr(r.err, "redisContext handle created at") != NULL, "names the kind: %s", r.err);
  t_run_child(T_UFORK, child_reconnect, NULL, &r);
  T_CHECK(t_exited_ok(&r) && !strstr(r.err, "forksafe:"), "reconnect child: %s: %s", t_status_str(&r), r.err);
  t_run_child(T_SYS_FORK, child_own, NULL, &r);
  T_CHECK(t_exited_ok(&r) && !strstr(r.err, "forksafe:"), "own child: %s: %s", t_status_str(&r), r.err);

  /* the parent's connection is intact */
  T_CHECK(reply_ok((redisReply *)redisCommand(conn, "GET %s", "k"), "v"), "GET in owner after children");
  redisFree(conn);
  return t_finish("test_shim_hiredis");
}

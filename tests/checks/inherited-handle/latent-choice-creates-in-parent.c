// Before the fork, the master runs the callbacks registered so far; the
// session registers the one that opens the database only in the child.
// Field-based points-to makes every 'cb' one slot, so the master's
// dispatch() "may" run open_db: that the handle exists at the fork rests
// on the indirect call running that one of its three functions, a choice
// like the child's (dispatch() running use_db). Two choices: latent, not
// reported unless asked for. (ProFTPD's timers and events, Cyrus'
// delayed actions.) The join of the path on which dispatch() ran open_db
// with those on which it did not keeps the former's count: the handle's
// facts come from it.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe --report-latent %s -- -I%mocks | FileCheck %s --check-prefix=LATENT --implicit-check-not="{{warning|note}}:"
// The master opening the database itself (DIRECT) needs one choice, the
// child's: reported. So does a callback that a static's initialiser puts
// in the list (STATIC, as a module's export table does): it is there from
// the start, and the master's dispatch() runs every callback it holds.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DDIRECT | FileCheck %s --check-prefix=DIRECT --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DSTATIC | FileCheck %s --check-prefix=STATIC --implicit-check-not="{{warning|note}}:"
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

sqlite3 *db;
// LATENT: latent-choice-creates-in-parent.c:[[#DEF:@LINE-1]]:10: warning: 'db' (SQLite) is open when the process forks with fork() and is used in the child process
// DIRECT: latent-choice-creates-in-parent.c:[[#DEF:@LINE-2]]:10: warning: 'db' (SQLite) is open when the process forks with fork() and is used in the child process
// STATIC: latent-choice-creates-in-parent.c:[[#DEF:@LINE-3]]:10: warning: 'db' (SQLite) is open when the process forks with fork() and is used in the child process

struct handler {
  void (*cb)(void);
  struct handler *next;
};
#ifdef STATIC
static void open_db(void);
static struct handler opener = {open_db, 0};
static struct handler *handlers = &opener;
#else
static struct handler *handlers;
#endif

void register_handler(void (*cb)(void)) {
  struct handler *h = malloc(sizeof *h);
  h->cb = cb;
  h->next = handlers;
  handlers = h;
}
void dispatch(void) {
  for (struct handler *h = handlers; h; h = h->next)
    h->cb();
}
static void open_db(void) { sqlite3_open("x.db", &db); }
static void use_db(void) { sqlite3_exec(db, "SELECT 1", 0, 0, 0); }
static void tick(void) {}

static void session(void) {
#ifndef STATIC
  register_handler(open_db);
#endif
  register_handler(use_db);
  dispatch();
}

int main(void) {
  register_handler(tick);
#ifdef DIRECT
  open_db();
#else
  dispatch();
#endif
  if (fork() == 0) {
    session();
    _exit(0);
  }
  return 0;
}
// LATENT-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'db' created here by sqlite3_open()
// LATENT-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: fork() forks here; the child inherits 'db'
// LATENT-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'session' called from here in the child process
// LATENT-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'dispatch' called from here in the child process
// LATENT-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'function pointer' called from here in the child process
// LATENT-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'db' used here in the child process by sqlite3_exec()
// LATENT-NEXT: latent-choice-creates-in-parent.c:[[#DEF]]:10: note: latent: this path needs 2 indirect calls
// LATENT-NEXT: latent-choice-creates-in-parent.c:[[#DEF]]:10: note: open the database in each process
// DIRECT-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'db' created here by sqlite3_open()
// DIRECT-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: fork() forks here; the child inherits 'db'
// DIRECT-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'session' called from here in the child process
// DIRECT-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'dispatch' called from here in the child process
// DIRECT-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'function pointer' called from here in the child process
// DIRECT-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'db' used here in the child process by sqlite3_exec()
// DIRECT-NEXT: latent-choice-creates-in-parent.c:[[#DEF]]:10: note: open the database in each process
// STATIC-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'db' created here by sqlite3_open()
// STATIC-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: fork() forks here; the child inherits 'db'
// STATIC-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'session' called from here in the child process
// STATIC-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'dispatch' called from here in the child process
// STATIC-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'function pointer' called from here in the child process
// STATIC-NEXT: latent-choice-creates-in-parent.c:{{[0-9]+}}:{{[0-9]+}}: note: 'db' used here in the child process by sqlite3_exec()
// STATIC-NEXT: latent-choice-creates-in-parent.c:[[#DEF]]:10: note: open the database in each process

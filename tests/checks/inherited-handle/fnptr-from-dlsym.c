// A function a loaded module exports (zabbix's zbx_load_module():
// 'func_version = dlsym(lib, "zbx_module_api_version")') is the module's
// code, not one of the program's own functions of the same type: the call
// through it reaches nothing the analysis can see. The program's
// migration step, an 'int (void)' whose address is handed to a library,
// runs only in the master. Silent, whether the pointer is assigned
// (ASSIGN) or written through a cast of its address (CAST_STORE, zabbix's
// form). Reported when the workers call the migration step themselves
// (WORKER_MIGRATES).
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DASSIGN | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DCAST_STORE | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DASSIGN -DWORKER_MIGRATES | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <dlfcn.h>
#include <mysql.h>
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: fnptr-from-dlsym.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process

static int migrate(void) { return mysql_query(conn, "ALTER TABLE t ADD c INT"); }

static int load_module(const char *path) {
  void *lib = dlopen(path, RTLD_NOW);
  int (*version)(void);
  if (!lib)
    return -1;
#ifdef CAST_STORE
  *(void **)(&version) = dlsym(lib, "api_version");
#else
  version = (int (*)(void))dlsym(lib, "api_version");
#endif
  if (!version)
    return -1;
  return version();
}

int main(int argc, char **argv) {
  atexit((void (*)(void))migrate); // the address escapes to the C library
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "h", "u", "p", "d", 0, NULL, 0);
  // CHECK: :[[#@LINE-1]]:3: note: 'conn' connected here by mysql_real_connect()
  migrate();
  for (int i = 1; i < argc; ++i)
    if (fork() == 0) {
      // CHECK: :[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'conn'
      load_module(argv[i]);
#ifdef WORKER_MIGRATES
      migrate();
      // CHECK: :[[#@LINE-1]]:7: note: 'migrate' called from here in the child process
      // CHECK: fnptr-from-dlsym.c:[[#DEF+3]]:35: note: 'conn' used here in the child process by mysql_query()
#endif
      _exit(0);
    }
  return 0;
}
// CHECK: fnptr-from-dlsym.c:[[#DEF]]:15: note: create the handle lazily

// sd-bus refuses an inherited bus: every call in the child returns -ECHILD
// without any I/O, so the parent's connection survives but the child's call
// silently fails. Process-bound: the bus belongs to the process that opened
// it. Unreferencing it in the child is harmless; the fix opens a bus there.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/sd-bus | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/sd-bus -DFIXED | count 0
#include <systemd/sd-bus.h>
#include <unistd.h>

static sd_bus *bus;
// CHECK: sd-bus.c:[[#DEF:@LINE-1]]:16: warning: 'bus' (sd-bus (libsystemd)) is open when the process forks with fork() and is used in the child process; the handle belongs to the process that opened it [forksafe-inherited-handle]

static int restart_unit(const char *unit);

int main(void) {
  sd_bus_open_system(&bus);
  // CHECK: sd-bus.c:[[#@LINE-1]]:3: note: 'bus' created here by sd_bus_open_system()
  if (fork() == 0) {
    // CHECK: sd-bus.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'bus'
#ifdef FIXED
    sd_bus_flush_close_unref(bus);
    sd_bus_open_system(&bus);
#endif
    _exit(restart_unit("worker.service") < 0);
    // CHECK: sd-bus.c:[[#@LINE-1]]:11: note: 'restart_unit' called from here in the child process
  }
  restart_unit("parent.service");
  sd_bus_unref(bus);
  return 0;
}

static int restart_unit(const char *unit) {
  sd_bus_error error = SD_BUS_ERROR_NULL;
  sd_bus_message *reply = NULL;
  int r = sd_bus_call_method(bus, "org.freedesktop.systemd1",
                             "/org/freedesktop/systemd1",
                             "org.freedesktop.systemd1.Manager", "RestartUnit",
                             &error, &reply, "ss", unit, "replace");
  // CHECK: sd-bus.c:[[#@LINE-4]]:11: note: 'bus' used here in the child process by sd_bus_call_method()
  sd_bus_message_unref(reply);
  return r;
}
// CHECK: sd-bus.c:[[#DEF]]:16: note: open the bus in each process after fork() with sd_bus_open_system()/sd_bus_open_user() (sd-bus refuses an inherited bus: every call in the child fails with -ECHILD, and sd_bus_default*() in a child returns the parent's bus); unref the inherited bus in the child, which is harmless

// sd-bus after daemon(): the daemonized process has a new PID, so sd-bus
// refuses the bus opened before daemon() (every call returns -ECHILD), even
// though the parent that opened it has exited. Process-bound, unlike a
// shared socket. The fix opens the bus after daemon().
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle' %s -- -I%mocks/sd-bus | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle' %s -- -I%mocks/sd-bus -DFIXED | count 0
#include <systemd/sd-bus.h>
#include <unistd.h>

sd_bus *bus;
// CHECK: sd-bus-daemon.c:[[#DEF:@LINE-1]]:9: warning: 'bus' (sd-bus (libsystemd)) is open when the process forks with daemon() and is used in the child process; the handle belongs to the process that opened it [forksafe-inherited-handle]

int main(void) {
  sd_bus_error error = SD_BUS_ERROR_NULL;
#ifndef FIXED
  sd_bus_default_system(&bus);
  // CHECK: sd-bus-daemon.c:[[#@LINE-1]]:3: note: 'bus' created here by sd_bus_default_system()
#endif
  if (daemon(0, 0) != 0)
    // CHECK: sd-bus-daemon.c:[[#@LINE-1]]:7: note: daemon() forks here and only the child continues; 'bus' belongs to the parent
    return 1;
#ifdef FIXED
  sd_bus_default_system(&bus);
#endif
  sd_bus_call_method(bus, "org.freedesktop.systemd1", "/org/freedesktop/systemd1",
                     "org.freedesktop.systemd1.Manager", "Reload", &error,
                     NULL, "");
  // CHECK: sd-bus-daemon.c:[[#@LINE-3]]:3: note: 'bus' used here in the child process by sd_bus_call_method()
  sd_bus_unref(bus);
  return 0;
}
// CHECK: sd-bus-daemon.c:[[#DEF]]:9: note: open the bus in each process after fork() with sd_bus_open_system()/sd_bus_open_user() (sd-bus refuses an inherited bus: every call in the child fails with -ECHILD, and sd_bus_default*() in a child returns the parent's bus); unref the inherited bus in the child, which is harmless
